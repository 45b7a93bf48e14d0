using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Administration.Accounts;

/// <summary>The role and organisation fields, as posted (strings, so bad input becomes a message, not a binding error).</summary>
public class RoleChoiceForm
{
    public string? Role { get; set; }
    public string? CountyCode { get; set; }
    public string? MunicipalityCode { get; set; }
    public string? LibraryId { get; set; }
}

/// <summary>A validated role assignment: only the organisation column that belongs to the role is set.</summary>
public record RoleTarget(string Role, string? CountyCode, string? MunicipalityCode, int? LibraryId);

public record OrgOption(string Value, string Text);

/// <summary>What the signed-in user may offer in the role fields: their own region unless they are an administrator.</summary>
public record RoleOptions(IReadOnlyList<string> Roles, IReadOnlyList<OrgOption> Counties,
    IReadOnlyList<OrgOption> Municipalities, IReadOnlyList<OrgOption> Libraries);

/// <summary>
/// Who may hand out which role where; shared by the invitation form and the account page. Administrators
/// grant any role anywhere; a regional coordinator only library manager or staff within their own
/// counties (never admin, national or regional, which would let them widen their own reach).
/// </summary>
public static class RoleChoice
{
    private static readonly string[] AllRoles =
        [Roles.Admin, Roles.RegionalCoordinator, Roles.LibraryManager, Roles.LibraryStaff, Roles.NationalCoordinator];
    private static readonly string[] RegionalGrants = [Roles.LibraryManager, Roles.LibraryStaff];

    public static IReadOnlyList<string> Grantable(UserScope s) =>
        s.IsAdmin || s.IsSystem ? AllRoles : s.Counties.Count > 0 ? RegionalGrants : [];

    public static bool CanInvite(UserScope s) => Grantable(s).Count > 0;

    public static async Task<RoleOptions> OptionsAsync(AppDbContext db, UserScope s)
    {
        var everywhere = s.IsAdmin || s.IsSystem;
        var counties = s.Counties.ToArray();
        var countyOptions = everywhere
            ? await db.Counties.AsNoTracking().OrderBy(c => c.Name).Select(c => new OrgOption(c.Code, c.Name + " (" + c.Code + ")")).ToListAsync()
            : [];
        var municipalities = await db.Municipalities.AsNoTracking()
            .Where(m => everywhere || counties.Contains(m.CountyCode))
            .OrderBy(m => m.Name).Select(m => new OrgOption(m.Code, m.Name + " (" + m.Code + ")")).ToListAsync();
        var libraries = await db.Libraries.AsNoTracking()
            .Where(l => l.IsActive && (everywhere || counties.Contains(l.Municipality!.CountyCode)))
            .OrderBy(l => l.Name)
            .Select(l => new { l.Id, l.Name, Municipality = l.Municipality!.Name })
            .ToListAsync();
        return new(Grantable(s), countyOptions, municipalities,
            libraries.Select(l => new OrgOption(l.Id.ToString(CultureInfo.InvariantCulture), $"{l.Name}, {l.Municipality}")).ToList());
    }

    /// <summary>
    /// Checks the posted role and its organisation against what <paramref name="s"/> may grant. Errors
    /// are keyed by field name (Role, CountyCode, MunicipalityCode, LibraryId). Fields that do not belong
    /// to the chosen role are ignored, so a posted county on a staff invitation cannot widen it.
    /// </summary>
    public static async Task<(RoleTarget? Target, Dictionary<string, string> Errors)> ValidateAsync(AppDbContext db, UserScope s, RoleChoiceForm form)
    {
        var errors = new Dictionary<string, string>();
        var role = form.Role?.Trim();
        if (string.IsNullOrEmpty(role) || !AllRoles.Contains(role))
        {
            errors[nameof(form.Role)] = "Välj en roll.";
            return (null, errors);
        }
        if (!Grantable(s).Contains(role))
        {
            errors[nameof(form.Role)] = "Du kan bara bjuda in bibliotekschefer och bibliotekspersonal i din region.";
            return (null, errors);
        }
        var everywhere = s.IsAdmin || s.IsSystem;
        switch (role)
        {
            case Roles.RegionalCoordinator:
            {
                var code = form.CountyCode?.Trim();
                if (string.IsNullOrEmpty(code)) errors[nameof(form.CountyCode)] = "Välj län för den regionala samordnaren.";
                else if (!await db.Counties.AnyAsync(c => c.Code == code)) errors[nameof(form.CountyCode)] = "Välj ett län i listan.";
                return errors.Count > 0 ? (null, errors) : (new RoleTarget(role, code, null, null), errors);
            }
            case Roles.LibraryManager:
            {
                var code = form.MunicipalityCode?.Trim();
                var county = string.IsNullOrEmpty(code) ? null
                    : await db.Municipalities.Where(m => m.Code == code).Select(m => m.CountyCode).SingleOrDefaultAsync();
                if (string.IsNullOrEmpty(code)) errors[nameof(form.MunicipalityCode)] = "Välj kommun för bibliotekschefen.";
                else if (county is null) errors[nameof(form.MunicipalityCode)] = "Välj en kommun i listan.";
                else if (!everywhere && !s.Counties.Contains(county)) errors[nameof(form.MunicipalityCode)] = "Kommunen ligger utanför din region.";
                return errors.Count > 0 ? (null, errors) : (new RoleTarget(role, null, code, null), errors);
            }
            case Roles.LibraryStaff:
            {
                var ok = int.TryParse(form.LibraryId?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id);
                var library = ok
                    ? await db.Libraries.Where(l => l.Id == id && l.IsActive).Select(l => new { l.Municipality!.CountyCode }).SingleOrDefaultAsync()
                    : null;
                if (string.IsNullOrWhiteSpace(form.LibraryId)) errors[nameof(form.LibraryId)] = "Välj bibliotek för bibliotekspersonalen.";
                else if (library is null) errors[nameof(form.LibraryId)] = "Välj ett bibliotek i listan.";
                else if (!everywhere && !s.Counties.Contains(library.CountyCode)) errors[nameof(form.LibraryId)] = "Biblioteket ligger utanför din region.";
                return errors.Count > 0 ? (null, errors) : (new RoleTarget(role, null, null, id), errors);
            }
            default:
                // Administrator and national coordinator: the whole installation, no organisation.
                return (new RoleTarget(role, null, null, null), errors);
        }
    }

    /// <summary>"Bibliotekschef, Malmö (1280)": a role assignment for lists and e-mails.</summary>
    public static string Describe(string role, string? county, string? municipality, string? library)
    {
        var label = Roles.Labels.GetValueOrDefault(role, role);
        var org = county ?? municipality ?? library;
        return org is null ? label : $"{label}, {org}";
    }
}
