using Samverka.Web.Features.Shared;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>
/// The library-plan overview for the nation or one region (?lan=) for any year (?ar=, December):
/// counts per status, who loses a current plan next year, a map, the table and the time series.
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    public record Choice(string Code, string Name);
    public record RegionalPlan(int Id, string Title, DateOnly? From, DateOnly To, string? Url, bool HasFile);

    [BindProperty(SupportsGet = true)] public int? Ar { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lan { get; set; }

    public int Year { get; private set; }
    public string AreaName { get; private set; } = "Sverige";
    public List<Choice> Counties { get; private set; } = [];
    public PlanOverview.Summary Summary { get; private set; } = null!;
    public List<PlanOverview.SeriesPoint> Series { get; private set; } = [];
    public List<SvgMap.MapClass> Classes { get; private set; } = [];
    public string Svg { get; private set; } = "";
    /// <summary>A column per year; the table beside it carries the same figures.</summary>
    public Chart SeriesChart { get; private set; } = null!;
    public List<RegionalPlan> RegionalPlans { get; private set; } = [];
    public bool MayEditRegion { get; private set; }
    /// <summary>The region's plan surveys, for its coordinators and the national coordinator.</summary>
    public List<SurveyFollowUpRow> Surveys { get; private set; } = [];
    public bool SeesSurveys { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } notFound) return notFound;
        Classes = [.. Enum.GetValues<PlanStatus>().Select(s => StatusClass(s))];
        var areas = Summary.Rows.Select(r => new SvgMap.MapArea(r.Municipality.Code, (int)r.Status, $"{r.Municipality.Name}: {PlanRules.Label(r.Status)}")).ToList();
        var description = $"Karta över {Summary.Total} kommuner i {AreaName}, status för biblioteksplan i december {Year}. " +
            string.Join(" ", Summary.Counts.Select(c => $"{c.Label}: {c.Count}."));
        Svg = SvgMap.Render(new SvgMap.MapSpec("planer", $"Biblioteksplaner i {AreaName} {Year}", description, Classes, areas,
            Lan is null ? [.. Counties.Select(c => c.Code)] : []), standalone: false);
        SeriesChart = Chart.Percentages("series-chart", $"Andel kommuner med aktuell plan i december, {Year - 9}–{Year}",
            [.. Series.Select(p => (p.Year.ToString(CultureInfo.InvariantCulture), p.Percent))]);
        if (Lan is not null)
        {
            MayEditRegion = LibraryPlanAccess.CanEditPlan(user.Scope, null, Lan);
            RegionalPlans = await db.LibraryPlans.AsNoTracking().Where(p => p.CountyCode == Lan).OrderByDescending(p => p.ValidTo)
                .Select(p => new RegionalPlan(p.Id, p.Title, p.ValidFrom, p.ValidTo, p.Url, p.FileId != null)).ToListAsync();
            SeesSurveys = user.Scope.ReadsEverything || user.Scope.Counties.Contains(Lan);
            if (SeesSurveys)
                Surveys = await SurveyFollowUp.ForCountyAsync(db, Lan, SwedishTimeZone.Today(time.GetUtcNow()));
        }
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync() => await LoadAsync() ?? Export.Csv(Table(), FileBase);

    public async Task<IActionResult> OnGetXlsxAsync() => await LoadAsync() ?? Export.Xlsx(Table(), FileBase, "Biblioteksplaner");

    private string FileBase => $"biblioteksplaner-{(Lan is null ? "sverige" : "lan-" + Lan)}-{Year}";

    private ExportTable Table() => new(
        ["Kommunkod", "Kommun", "Län", "Status", "Aktuell enligt KB", "Kan söka bidrag", "Förlorar aktuell plan nästa år", "Saknar gällande plan nästa år", "Senaste slutdatum", "Antal planer"],
        Summary.Rows.Select(r => new object?[]
        {
            r.Municipality.Code, r.Municipality.Name, r.Municipality.CountyName, PlanRules.Label(r.Status), r.Current ? "Ja" : "Nej",
            r.GrantEligible ? "Ja" : "Nej", r.LosesCurrentNextYear ? "Ja" : "Nej", r.LacksInForceNextYear ? "Ja" : "Nej",
            r.LatestEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.PlanCount,
        }));

    private async Task<IActionResult?> LoadAsync()
    {
        ModelState.Clear(); // an odd ?ar= means this year
        var today = SwedishTimeZone.Today(time.GetUtcNow());
        Year = Ar is int y && y is >= PlanOverview.MinYear and <= PlanOverview.MaxYear ? y : today.Year;
        Counties = await db.Counties.AsNoTracking().OrderBy(c => c.Name).Select(c => new Choice(c.Code, c.Name)).ToListAsync();
        Lan = string.IsNullOrWhiteSpace(Lan) ? null : Lan.Trim();
        if (Lan is not null)
        {
            var county = Counties.FirstOrDefault(c => c.Code == Lan);
            if (county is null) return NotFound();
            AreaName = county.Name;
        }
        var register = await PlanOverview.LoadAsync(db, Lan);
        Summary = PlanOverview.For(register, Year, Lan);
        Series = PlanOverview.Series(register, Year - 9, Year);
        return null;
    }

    public static SvgMap.MapClass StatusClass(PlanStatus s) => s switch
    {
        PlanStatus.Unknown => SvgMap.NotCovered with { Label = PlanRules.Label(s) },
        _ => new SvgMap.MapClass(PlanRules.Label(s), SvgMap.Fills[5 - (int)s], SvgMap.Patterns[5 - (int)s]),
    };

    public string Link(int? year = null, string? handler = null)
    {
        var q = new List<string> { $"ar={year ?? Year}" };
        if (Lan is not null) q.Add($"lan={Lan}");
        if (handler is not null) q.Add($"handler={handler}");
        return "/biblioteksplaner?" + string.Join("&", q);
    }
}
