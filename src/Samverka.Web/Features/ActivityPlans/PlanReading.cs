using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// A plan as one user may read it, with its figures per year and its capacity: what the plan page, the yearly
/// report (page and DOCX) and the API show, computed in one place so the report's figures are the page's.
/// </summary>
public sealed record PlanReading(ActivityPlan Plan, PlanView View, bool CanEdit, bool CanSeeTeam, IReadOnlyList<DevelopmentArea> Areas,
    IReadOnlyDictionary<int, PlanFigureSet> Figures, IReadOnlyDictionary<int, List<CapacityCell>> Capacity, IReadOnlyList<ActionAtRisk> Risks)
{
    /// <summary>Null when the plan does not exist or the user may not see any of it (both answered 404).</summary>
    /// <param name="year">Only this year's figures (the yearly report); null for every year of the plan.</param>
    public static async Task<PlanReading?> ReadAsync(AppDbContext db, UserScope scope, int id, DateTimeOffset now, CancellationToken ct = default, int? year = null)
    {
        var plan = await ActivityPlanAccess.LoadAsync(db, id, ct);
        if (plan is null) return null;
        var home = await ActivityPlanAccess.HomeCountiesAsync(db, scope, ct);
        var view = ActivityPlanAccess.ViewOf(scope, home, plan);
        if (view == PlanView.None) return null;
        var figures = new Dictionary<int, PlanFigureSet>();
        foreach (var y in PlanFigures.Years(plan).Where(y => year is null || y == year)) figures[y] = await PlanFigures.ForYearAsync(db, plan, y, now, ct);
        var seeTeam = view == PlanView.Full && ActivityPlanAccess.CanSeeTeam(scope, plan.CountyCode);
        return new PlanReading(plan, view, ActivityPlanAccess.CanEdit(scope, plan.CountyCode), seeTeam,
            ActivityPlanAccess.VisibleAreas(view, home, plan).ToList(), figures,
            seeTeam ? PlanCapacity.ByArea(plan) : new Dictionary<int, List<CapacityCell>>(),
            seeTeam ? PlanCapacity.AtRisk(plan) : []);
    }

    public ActionAtRisk? RiskOf(PlannedAction a) => Risks.FirstOrDefault(r => r.ActionId == a.Id);

    public string ResponsibleName(PlannedAction a) => Plan.Team.FirstOrDefault(t => t.Id == a.ResponsibleId)?.Name ?? "Ingen angiven";
}

public enum TextBlockKind { Paragraph, Heading, List }

/// <summary>A block of the region's own text: a paragraph, a sub-heading, or a list's items.</summary>
public sealed record TextBlock(TextBlockKind Kind, string Text, IReadOnlyList<string> Items);

/// <summary>Swedish words and formats the plan pages, the report and the exports share.</summary>
public static class PlanText
{
    private static readonly System.Globalization.CultureInfo Sv = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");

    public static string Status(PlannedActionStatus s) => s switch
    {
        PlannedActionStatus.Planned => "Planerad",
        PlannedActionStatus.Ongoing => "Pågår",
        PlannedActionStatus.Done => "Genomförd",
        PlannedActionStatus.Postponed => "Uppskjuten",
        PlannedActionStatus.Cancelled => "Inställd",
        _ => s.ToString(),
    };

    public static string Kind(PartnerKind k) => k switch
    {
        PartnerKind.Municipality => "Kommun",
        PartnerKind.NationalLibrary => "Kungliga biblioteket",
        PartnerKind.Region => "Region",
        PartnerKind.University => "Lärosäte",
        PartnerKind.Supplier => "Leverantör",
        _ => "Annan",
    };

    public static string Month(DateOnly m) => m.ToString("MMM yyyy", Sv);

    public static string Months(DateOnly from, DateOnly to) => from == to ? Month(from) : $"{Month(from)} – {Month(to)}";

    public static string Period(EmploymentPeriod p) =>
        $"{p.Percent} % från {Month(p.FromMonth)}{(p.ToMonth is { } t ? " till och med " + Month(t) : "")}{(p.Note is null ? "" : " (" + p.Note + ")")}";

    public static string Date(DateOnly d) => d.ToString("d MMMM yyyy", Sv);

    public static string Computed(DateTimeOffset t) => Samverka.Web.Infrastructure.InvitationTokens.SwedishTime(t);

    /// <summary>Text split at blank lines: how the region's own sections become paragraphs.</summary>
    public static IEnumerable<string> Paragraphs(string? text) =>
        (text ?? "").Replace("\r", "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// The region's own sections as blocks: a blank line starts a paragraph, a line "## Rubrik" is a sub-heading
    /// (seed 004's "2.1 Nationella kulturpolitiska utgångspunkter"), lines starting "- " are a bullet list. Plain text
    /// in, so nothing the writer types becomes markup.
    /// </summary>
    public static IEnumerable<TextBlock> Blocks(string? text)
    {
        foreach (var chunk in Paragraphs(text))
        {
            var paragraph = new List<string>();
            var items = new List<string>();
            foreach (var raw in chunk.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("– ", StringComparison.Ordinal))
                {
                    if (paragraph.Count > 0) { yield return new TextBlock(TextBlockKind.Paragraph, string.Join(" ", paragraph), []); paragraph.Clear(); }
                    items.Add(line[2..].Trim());
                    continue;
                }
                if (items.Count > 0) { yield return new TextBlock(TextBlockKind.List, "", [.. items]); items.Clear(); }
                if (line.StartsWith("##", StringComparison.Ordinal) && line.TrimStart('#').Trim() is { Length: > 0 } heading)
                {
                    if (paragraph.Count > 0) { yield return new TextBlock(TextBlockKind.Paragraph, string.Join(" ", paragraph), []); paragraph.Clear(); }
                    yield return new TextBlock(TextBlockKind.Heading, heading, []);
                }
                else if (line.Length > 0) paragraph.Add(line);
            }
            if (paragraph.Count > 0) yield return new TextBlock(TextBlockKind.Paragraph, string.Join(" ", paragraph), []);
            if (items.Count > 0) yield return new TextBlock(TextBlockKind.List, "", [.. items]);
        }
    }

    public static string Fte(decimal v) => v.ToString("0.##", Sv);
}
