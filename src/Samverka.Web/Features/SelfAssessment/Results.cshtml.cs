using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>
/// Aggregates for a year's rounds within the user's scope, by geography, job title or years in the
/// profession; a second year for comparison; one group's competences and distributions; exports.
/// </summary>
[Authorize]
public class ResultsModel(AppDbContext db, CurrentUser user, IOptions<SelfAssessmentOptions> options, TimeProvider time) : PageModel
{
    public const string Geography = "geografi", JobTitle = "yrkestitel", Years = "yrkesar";
    public static readonly (string Value, string Label)[] Breakdowns =
        [(Geography, "Bibliotek, kommun, region och land"), (JobTitle, "Yrkestitel"), (Years, "År i yrket")];

    [BindProperty(SupportsGet = true, Name = "ar")] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "jamfor")] public int? CompareYear { get; set; }
    [BindProperty(SupportsGet = true, Name = "indelning")] public string? Breakdown { get; set; }
    [BindProperty(SupportsGet = true, Name = "grupp")] public string? GroupKey { get; set; }

    public List<int> YearsAvailable { get; private set; } = [];
    /// <summary>Staff per geographic group (KB's library statistics): the response rate's denominator.</summary>
    public Dictionary<string, Samverka.Web.Features.Directory.Kb.StaffFigure> Staff { get; private set; } = [];

    public string Rate(GroupRow r) => r.Level is GroupLevel.JobTitle or GroupLevel.Years ? "–"
        : Samverka.Web.Features.Directory.Kb.StaffFigures.ResponseRate(r.Respondents, Staff.GetValueOrDefault(r.Key));
    public List<GroupRow> Rows { get; private set; } = [];
    public List<GroupRow> CompareRows { get; private set; } = [];
    public GroupRow? Detail { get; private set; }
    public SelfAssessmentOptions Thresholds => options.Value;

    public async Task<IActionResult> OnGetAsync()
    {
        var problem = await LoadAsync();
        return problem ?? Page();
    }

    public async Task<IActionResult> OnGetCsvAsync() => await LoadAsync() ?? Export.Csv(ExportTable(), FileBase);
    public async Task<IActionResult> OnGetXlsxAsync() => await LoadAsync() ?? Export.Xlsx(ExportTable(), FileBase, "Självskattning");

    private string FileBase => $"sjalvskattning-{Year}-{Breakdown}";

    public string Note => $"– = dolt. Medelvärden visas för grupper med minst {Thresholds.MinGroupForMean} svar och fördelningar för minst "
        + $"{Thresholds.MinGroupForDistribution} svar. Några större grupper är också dolda, så att ett dolt värde inte kan räknas fram ur de visade. "
        + $"»{HiddenCount}« = antalet svar visas inte: färre än {Thresholds.MinGroupForMean} svar, eller dolt för att en mindre grupp inte ska kunna räknas fram.";

    /// <summary>
    /// What a suppressed group shows instead of its number of responses. The same text for every hidden
    /// group, whether it is below the threshold or hidden as a complement: two different texts ("fewer than 5"
    /// and "hidden, at least 5") would bound the cells, and a total of 6 over one of each would reveal a 1.
    /// So it says both: "färre än 5 eller dolt" (5 = the threshold setting).
    /// </summary>
    public string HiddenCount => HiddenCountText(Thresholds.MinGroupForMean);

    public static string HiddenCountText(int threshold) => $"färre än {threshold} eller dolt";

    public string Count(int? respondents) => respondents?.ToString() ?? HiddenCount;

    private async Task<IActionResult?> LoadAsync()
    {
        var s = user.Scope;
        if (!Aggregates.MaySeeResults(s)) return Forbid();
        Breakdown = Breakdowns.Any(b => b.Value == Breakdown) ? Breakdown : Geography;
        var counties = s.Counties.Concat(s.Municipalities.Select(m => m[..2])).ToArray();
        var everything = s.ReadsEverything;
        YearsAvailable = (await db.AssessmentRounds.AsNoTracking().Where(r => everything || counties.Contains(r.CountyCode))
            .Select(r => r.OpensOn.Year).Distinct().ToListAsync()).OrderDescending().ToList();
        Year ??= YearsAvailable.Count > 0 ? YearsAvailable[0] : SwedishTimeZone.Today(time).Year;
        if (Year is < 2000 or > 2100)
        {
            ModelState.AddModelError("ar", "Ange ett år mellan 2000 och 2100, till exempel 2020.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Rows = Filter(Aggregates.Visible(await Aggregates.ForYearAsync(db, Year.Value, options.Value, GroupKey), s));
        Staff = await Samverka.Web.Features.Directory.Kb.StaffFigures.ForYearAsync(db, Year.Value);
        if (CompareYear is int other && other != Year && other is >= 2000 and <= 2100)
            CompareRows = Filter(Aggregates.Visible(await Aggregates.ForYearAsync(db, other, options.Value), s));
        Detail = GroupKey is null ? null : Rows.FirstOrDefault(r => r.Key == GroupKey);
        return null;
    }

    private List<GroupRow> Filter(List<GroupRow> rows) => Breakdown switch
    {
        JobTitle => rows.Where(r => r.Level == GroupLevel.JobTitle).OrderBy(r => ParentOrder(r)).ThenBy(r => r.ParentKey).ToList(),
        Years => rows.Where(r => r.Level == GroupLevel.Years).OrderBy(r => ParentOrder(r)).ThenBy(r => r.ParentKey).ToList(),
        _ => Tree(rows.Where(r => r.Level is GroupLevel.Nation or GroupLevel.Region or GroupLevel.Municipality or GroupLevel.Library).ToList()),
    };

    private static int ParentOrder(GroupRow r) => r.ParentKey switch { "N" => 0, var k when k!.StartsWith("C:") => 1, _ => 2 };

    /// <summary>Each group followed by its children, so the table reads as the hierarchy.</summary>
    private static List<GroupRow> Tree(List<GroupRow> rows)
    {
        var result = new List<GroupRow>();
        void Walk(GroupRow r)
        {
            result.Add(r);
            foreach (var c in rows.Where(x => x.ParentKey == r.Key)) Walk(c);
        }
        foreach (var top in rows.Where(r => r.ParentKey is null || rows.All(x => x.Key != r.ParentKey))) Walk(top);
        return result;
    }

    public static string Level(GroupLevel l) => l switch
    {
        GroupLevel.Nation => "Land", GroupLevel.Region => "Region", GroupLevel.Municipality => "Kommun",
        GroupLevel.Library => "Bibliotek", GroupLevel.JobTitle => "Yrkestitel", _ => "År i yrket",
    };

    public static string Cell(double? value) => value is double v ? v.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")) : "–";

    private ExportTable ExportTable()
    {
        var headers = new List<string> { "Grupp", "Nivå", "Antal svar" };
        headers.AddRange(DigComp.Areas.Select(a => $"{a.Number}. {a.Name} (medel)"));
        headers.AddRange(DigComp.Competences.Select(c => $"{c.Code} {c.Name} (medel)"));
        var rows = Rows.Select(r => new object?[] { r.Label, Level(r.Level), r.Respondents is int n ? n : HiddenCount }
            .Concat(DigComp.Areas.Select(a => ExportValue(r.Area(a.Number).Mean)))
            .Concat(DigComp.Competences.Select(c => ExportValue(r.Figures[c.Code].Mean))).ToArray()).ToList();
        rows.Add([Note]);
        return new ExportTable(headers, rows);
    }

    private static object ExportValue(double? v) => v is double d ? d : "–";
}
