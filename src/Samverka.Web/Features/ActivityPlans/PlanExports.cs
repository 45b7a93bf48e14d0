using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>The plan's actions and outcomes as exported lists (CSV/XLSX): only the areas the reader sees.</summary>
public static class PlanExports
{
    public static ExportTable Actions(PlanReading r) => new(
        ["Utvecklingsområde", "Aktivitet", "Ansvarig", "Från", "Till", "Status", "Skäl", "I riskzonen"],
        r.Areas.SelectMany(a => a.Actions.OrderBy(x => x.SortOrder).ThenBy(x => x.Id).Select(x => new object?[]
        {
            a.Name, x.Text, r.CanSeeTeam ? r.ResponsibleName(x) : "", x.PlannedFrom.ToString("yyyy-MM"), x.PlannedTo.ToString("yyyy-MM"),
            PlanText.Status(x.Status), x.StatusReason, r.RiskOf(x) is null ? "" : "Ja",
        })));

    /// <summary>Outcome texts as the report prints them: placeholders replaced by the year's figures.</summary>
    public static ExportTable Outcomes(PlanReading r) => new(
        ["Utvecklingsområde", "År", "Utfall"],
        r.Areas.SelectMany(a => a.Outcomes.OrderBy(o => o.Year).Select(o => new object?[]
        {
            a.Name, o.Year, r.Figures.TryGetValue(o.Year, out var f) ? f.Render(o.Text) : o.Text,
        })));
}
