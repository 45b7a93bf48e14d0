using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.Engagement;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>One figure an outcome text may contain as {{token}}.</summary>
/// <param name="Withheld">Set when the value is not published (a response count below the self-assessment's threshold):
/// what is shown instead, e.g. "färre än 5"; <see cref="Value"/> is then not to be shown anywhere.</param>
public sealed record PlanFigure(string Token, string Label, long Value, string Unit = "", string? Withheld = null)
{
    public string Formatted => Withheld ?? Value.ToString("N0", CultureInfo.GetCultureInfo("sv-SE")) + Unit;
}

/// <summary>
/// The figures for a region and period, with when they were computed (the report states both), and the region's
/// municipalities with what reached each (the engagement map).
/// </summary>
/// <param name="RegionStaff">Staff of the county's libraries in KB's statistics at the period's last year, or null.</param>
public sealed partial record PlanFigureSet(string CountyCode, DateOnly From, DateOnly To, DateTimeOffset ComputedAt, IReadOnlyList<PlanFigure> Figures,
    IReadOnlyList<MunicipalityReach> Reach, Samverka.Web.Features.Directory.Kb.StaffFigure? RegionStaff = null)
{
    /// <summary>The municipality table's last row: participants from all the county's libraries per 100 of their staff.</summary>
    public ParticipationRates.Rate RegionRate => new(Reach.Sum(r => r.Participants), RegionStaff);

    [GeneratedRegex(@"\{\{\s*([a-z0-9.]+)\s*\}\}")]
    private static partial Regex Placeholder();

    /// <summary>Tokens in <paramref name="text"/> that no figure answers (shown to the writer, never guessed).</summary>
    public IReadOnlyList<string> Unknown(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(t => Figures.All(f => f.Token != t)).Distinct().ToList();

    /// <summary>The text with each known {{token}} replaced by its value; an unknown one is marked, not dropped.</summary>
    public string Render(string text) => Placeholder().Replace(text, m =>
        Figures.FirstOrDefault(f => f.Token == m.Groups[1].Value) is { } f ? f.Formatted : $"[okänd uppgift: {m.Groups[1].Value}]");

    public long Value(string token) => Figures.First(f => f.Token == token).Value;

    public static string Token(string name) => "{{" + name + "}}";
}

/// <summary>
/// Every figure Samverka computes for a region's plan and report, in one place. Activities
/// count when they belong to the region, are not cancelled or drafts, and have a session in the period.
/// Municipalities are reached through held activities' organising and co-organising libraries and through
/// enrolments in the period's years. Programme figures cover programmes whose regions include the county;
/// funding is the sum of those programmes' funding rows for the period's years. Participants, agreements,
/// self-assessment, workshop coverage and library plans reuse the rules of the pages that show them (<see cref="PlanSourceFigures"/>).
/// </summary>
public static class PlanFigures
{
    /// <param name="planId">The plan whose action links {{aktiviteter.kopplade}} counts (another plan of the region links its own).</param>
    public static async Task<PlanFigureSet> ComputeAsync(AppDbContext db, string countyCode, int planId, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken ct = default)
    {
        var held = db.Activities.AsNoTracking()
            .Where(a => a.CountyCode == countyCode && a.Status == ActivityStatus.Published && a.Sessions.Any(s => s.Date >= from && s.Date <= to));
        var activities = await held.CountAsync(ct);
        var sessions = await db.ActivitySessions.AsNoTracking()
            .CountAsync(s => s.Date >= from && s.Date <= to && s.Activity!.CountyCode == countyCode && s.Activity.Status == ActivityStatus.Published, ct);
        var perTheme = await held.SelectMany(a => a.Themes).GroupBy(t => t.ThemeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);

        var inCounty = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == countyCode).Select(m => new { m.Code, m.Name }).ToListAsync(ct);
        // Per activity, the municipalities of its organising and co-organising libraries (an activity counts once per municipality).
        var arrangers = await held.Select(a => new
        {
            Organiser = a.OrganiserLibrary == null ? null : a.OrganiserLibrary.MunicipalityCode,
            CoOrganisers = a.CoOrganisers.Where(o => o.LibraryId != null).Select(o => o.Library!.MunicipalityCode).ToList(),
        }).ToListAsync(ct);
        var activitiesBy = arrangers.SelectMany(a => a.CoOrganisers.Append(a.Organiser).OfType<string>().Distinct())
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var programmes = db.Programmes.AsNoTracking()
            .Where(p => p.Regions.Any(r => r.CountyCode == countyCode) && p.StartDate <= to && p.EndDate >= from);
        var enrolmentsBy = await db.Enrolments.AsNoTracking()
            .Where(e => e.Year >= from.Year && e.Year <= to.Year && e.Municipality!.CountyCode == countyCode && programmes.Any(p => p.Id == e.Offering!.ProgrammeId))
            .GroupBy(e => e.MunicipalityCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var programmeCount = await programmes.CountAsync(ct);
        var funding = await db.ProgrammeFunding.AsNoTracking()
            .Where(f => f.Year >= from.Year && f.Year <= to.Year && programmes.Any(p => p.Id == f.ProgrammeId)).SumAsync(f => (long?)f.AmountSek, ct) ?? 0;

        var source = await PlanSourceFigures.ComputeAsync(db, countyCode, from, to, themes, now, ct);
        var staff = await Samverka.Web.Features.Directory.Kb.StaffFigures.ForYearAsync(db, to.Year, ct);
        var reach = inCounty.Select(m => new MunicipalityReach(m.Code, m.Name, activitiesBy.GetValueOrDefault(m.Code), enrolmentsBy.GetValueOrDefault(m.Code),
                source.ParticipantsBy.GetValueOrDefault(m.Code), source.WorkshopCodes.Contains(m.Code), source.CurrentPlanCodes.Contains(m.Code),
                staff.GetValueOrDefault("M:" + m.Code)))
            .OrderBy(m => m.Name, SwedishText.OrderIgnoringCase).ToList();

        var figures = new List<PlanFigure>
        {
            new("aktiviteter.antal", "Genomförda aktiviteter (minst ett tillfälle under perioden)", activities),
            new("tillfallen.antal", "Genomförda tillfällen", sessions),
            new("kommuner.nadda", "Kommuner som nåtts genom aktiviteter och anslutningar", reach.Count(r => r.Reached)),
            new("kommuner.totalt", "Kommuner i länet", inCounty.Count),
            new("kommuner.aktiviteter", "Kommuner där ett bibliotek arrangerat eller medarrangerat en aktivitet", reach.Count(r => r.Activities > 0)),
            new("program.antal", "Program (satsningar) som omfattar regionen", programmeCount),
            new("program.kommuner", "Kommuner anslutna till regionens program", reach.Count(r => r.Enrolments > 0)),
            new("program.bidrag", "Finansiering av regionens program under perioden", funding, " kr"),
        };
        figures.AddRange(themes.Select(t => new PlanFigure($"aktiviteter.tema.{t.Id}", $"Genomförda aktiviteter med temat {t.Name}", perTheme.GetValueOrDefault(t.Id))));
        figures.Add(new("aktiviteter.kopplade", "Genomförda aktiviteter som planens planerade aktiviteter är kopplade till",
            await held.CountAsync(a => db.PlannedActionLinks.Any(l => l.ActivityId == a.Id && l.Action!.Area!.PlanId == planId), ct)));
        figures.AddRange(source.Figures);
        return new PlanFigureSet(countyCode, from, to, now, figures, reach, staff.GetValueOrDefault("C:" + countyCode));
    }

    /// <summary>The figures for one year of a plan: the year, cut to the plan's period.</summary>
    public static Task<PlanFigureSet> ForYearAsync(AppDbContext db, ActivityPlan plan, int year, DateTimeOffset now, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1) < plan.StartDate ? plan.StartDate : new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31) > plan.EndDate ? plan.EndDate : new DateOnly(year, 12, 31);
        return ComputeAsync(db, plan.CountyCode, plan.Id, from, to, now, ct);
    }

    public static IEnumerable<int> Years(ActivityPlan plan) => Enumerable.Range(plan.StartDate.Year, plan.EndDate.Year - plan.StartDate.Year + 1);
}
