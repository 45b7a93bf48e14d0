using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Engagement;

using Calc = Samverka.Web.Features.Engagement.EngagementValues;

/// <summary>
/// The whole country: each municipality's engagement summed over every programme covering it, or
/// for one chosen programme (?program=ID). Municipalities outside every programme are "not covered".
/// </summary>
[OutputCache(PolicyName = CachePolicies.Directory)]
public class IndexModel(AppDbContext db, TimeProvider time) : PageModel
{
    /// <param name="Value">Null when no programme (or not the chosen one) covers the municipality.</param>
    public record Row(Calc.Place Municipality, string CountyName, int? Value, int Max);
    public record Choice(int Id, string Name);

    [BindProperty(SupportsGet = true)] public int? Program { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sortera { get; set; }

    public string Sort => Sortera is "varde" or "befolkning" ? Sortera : "kommun";
    public List<Choice> Programmes { get; private set; } = [];
    public Calc.Summary? Chosen { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public List<SvgMap.MapClass> Classes { get; private set; } = [];
    public Func<int, int> ClassOf { get; private set; } = _ => 0;
    public string Svg { get; private set; } = "";
    /// <summary>Participants per 100 staff beside the engagement: the chosen programme's period, else the latest year with participants.</summary>
    public Activities.ParticipationRates.Period Participation { get; private set; } = null!;
    /// <summary>Every confirmed participation, read once for the rates and the per-region list.</summary>
    public IReadOnlyList<Activities.ActivityStatistics.Participation> Participants { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CountyNames { get; private set; } = new Dictionary<string, string>();

    public int Covered => Rows.Count(r => r.Value is not null);
    public int Engaged => Rows.Count(r => r.Value > 0);

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        ModelState.Clear(); // ?program=abc or an odd ?sortera= just mean no filter and the default order
        Programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync(ct);
        var counties = await db.Counties.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        CountyNames = counties;
        var places = await Calc.AllPlacesAsync(db, ct);
        if (Program is { } id)
        {
            Chosen = await Calc.ForProgrammeAsync(db, id, ct);
            if (Chosen is null) return NotFound();
            var values = Chosen.Rows.ToDictionary(r => r.Municipality.Code, r => r.Value);
            Rows = [.. places.Select(m => new Row(m, counties[m.CountyCode], values.TryGetValue(m.Code, out var v) ? v : null, Chosen.Max))];
        }
        else
        {
            var national = await Calc.NationalAsync(db, ct);
            Rows = [.. national.Select(r => new Row(r.Municipality, counties[r.Municipality.CountyCode], r.Programmes > 0 ? r.Value : null, r.Max))];
        }
        var participants = await Activities.ActivityStatistics.LoadAsync(db);
        Participants = participants;
        var latest = Activities.ParticipationRates.LatestYear(participants, SwedishTimeZone.Today(time).Year);
        var (from, to) = Chosen is { } chosen ? (chosen.FromYear, chosen.ToYear) : (latest, latest);
        Participation = Activities.ParticipationRates.ForPeriod(participants, from, to,
            await Samverka.Web.Features.Directory.Kb.StaffFigures.ForYearAsync(db, to, ct));
        Rows = Sort switch
        {
            "varde" => [.. Rows.OrderByDescending(r => r.Value ?? -1).ThenBy(r => r.Municipality.Name, SwedishText.OrderIgnoringCase)],
            "befolkning" => [.. Rows.OrderByDescending(r => r.Municipality.Population).ThenBy(r => r.Municipality.Name, SwedishText.OrderIgnoringCase)],
            _ => [.. Rows.OrderBy(r => r.Municipality.Name, SwedishText.OrderIgnoringCase)],
        };

        var max = Rows.Count == 0 ? 0 : Rows.Max(r => r.Max);
        var (classes, classOf) = SvgMap.ValueClasses(max, v => Chosen is null ? $"{v}" : $"{v} av {max}");
        classes.Add(SvgMap.NotCovered with { Label = Chosen is null ? "Ingår inte i någon satsning" : "Ingår inte i satsningen" });
        Classes = classes;
        ClassOf = classOf;
        var what = Chosen is null ? "alla satsningar" : Chosen.ProgrammeName;
        var description = $"Karta över Sveriges {Rows.Count} kommuner med länsgränser. {Covered} kommuner ingår i {what}, " +
            $"{Engaged} av dem har tagit del av minst ett erbjudande eller suttit i en referensgrupp. " +
            string.Join(" ", Enumerable.Range(0, Classes.Count).Select(i => $"{Classes[i].Label}: {Count(i)} kommuner."));
        Svg = SvgMap.Render(new SvgMap.MapSpec("sverige", $"Engagemang per kommun i Sverige, {what}", description, Classes,
            [.. Rows.Select(r => new SvgMap.MapArea(r.Municipality.Code, ClassIndex(r), Title(r)))], [.. counties.Keys.Order()]), standalone: false);
        return Page();
    }

    public int ClassIndex(Row r) => r.Value is { } v ? ClassOf(v) : Classes.Count - 1;
    public int Count(int classIndex) => Rows.Count(r => ClassIndex(r) == classIndex);
    public static string Title(Row r) => r.Value is { } v ? $"{r.Municipality.Name}: {v} av {r.Max}" : $"{r.Municipality.Name}: ingår inte";

    public string SortLink(string sort) => Program is { } id ? $"/engagemang?program={id}&sortera={sort}" : $"/engagemang?sortera={sort}";
}
