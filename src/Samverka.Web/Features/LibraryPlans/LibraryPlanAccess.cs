using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>
/// Who may change library plans: a library manager their municipality's, a regional coordinator their
/// region's municipalities' and the region's own plan, administrators all. The national coordinator
/// reads everything and changes nothing. The register itself is public (KB publishes it as open data).
/// </summary>
public static class LibraryPlanAccess
{
    public static bool CanEditPlan(UserScope s, string? municipalityCode, string countyCode) =>
        s.IsSystem || s.IsAdmin || s.Counties.Contains(countyCode) || (municipalityCode is not null && s.Municipalities.Contains(municipalityCode));

    /// <summary>Coordinators run surveys and priority rounds in their own regions.</summary>
    public static bool CoordinatesRegion(UserScope s, string countyCode) => s.IsSystem || s.IsAdmin || s.Counties.Contains(countyCode);
}
