using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Engagement;

using Calc = Samverka.Web.Features.Engagement.EngagementValues;

/// <summary>A programme's engagement per municipality: map, sortable table, CSV/XLSX/SVG. Public.</summary>
[OutputCache(PolicyName = CachePolicies.Directory)]
public class ProgrammeModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Sortera { get; set; }

    public Calc.Summary Summary { get; private set; } = null!;
    /// <summary>Participants in competence development during the programme's period, per 100 staff (issue 19).</summary>
    public Activities.ParticipationRates.Period Participation { get; private set; } = null!;
    public List<Calc.Row> Rows { get; private set; } = [];
    public List<SvgMap.MapClass> Classes { get; private set; } = [];
    public string Svg { get; private set; } = "";

    /// <summary>kommun (A–Ö), varde (highest first) or befolkning (largest first); anything else is kommun.</summary>
    public string Sort => Sortera is "varde" or "befolkning" ? Sortera : "kommun";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Svg = SvgMap.Render(Map(Summary, "karta"), standalone: false);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(int id) =>
        await LoadAsync(id) ? Export.Csv(Table(), "engagemang") : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(int id) =>
        await LoadAsync(id) ? Export.Xlsx(Table(), "engagemang", "Engagemang") : NotFound();

    /// <summary>The map as an SVG file of its own (XML declaration, xmlns), e.g. for a report.</summary>
    public async Task<IActionResult> OnGetSvgAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var bytes = System.Text.Encoding.UTF8.GetBytes(SvgMap.Render(Map(Summary, "karta"), standalone: true));
        return File(bytes, "image/svg+xml", $"engagemang-{id}-{DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.svg");
    }

    public string SortLink(string sort) => $"/program/{Summary.ProgrammeId}/engagemang?sortera={sort}";
    public string ExportLink(string handler) => $"/program/{Summary.ProgrammeId}/engagemang?handler={handler}";
    public int Count(int classIndex) => Rows.Count(r => ClassOf(r.Value) == classIndex);
    public int ClassOf(int value) => Math.Clamp(value, 0, Summary.Max);

    private async Task<bool> LoadAsync(int id)
    {
        ModelState.Clear(); // an odd ?sortera= just means the default order
        if (await Calc.ForProgrammeAsync(db, id, HttpContext.RequestAborted) is not { } s) return false;
        Summary = s;
        Participation = await Activities.ParticipationRates.ForPeriodAsync(db, s.FromYear, s.ToYear, HttpContext.RequestAborted);
        Classes = Map(s, "karta").Classes.ToList();
        Rows = Sort switch
        {
            "varde" => [.. s.Rows.OrderByDescending(r => r.Value).ThenBy(r => r.Municipality.Name, SwedishText.OrderIgnoringCase)],
            "befolkning" => [.. s.Rows.OrderByDescending(r => r.Municipality.Population).ThenBy(r => r.Municipality.Name, SwedishText.OrderIgnoringCase)],
            _ => [.. s.Rows],
        };
        return true;
    }

    /// <summary>The map of the programme's municipalities, one class per value 0..max.</summary>
    public static SvgMap.MapSpec Map(Calc.Summary s, string idPrefix)
    {
        var (classes, classOf) = SvgMap.ValueClasses(s.Max, v => $"{v} av {s.Max}");
        var byValue = Enumerable.Range(0, s.Max + 1).Reverse()
            .Select(v => (v, names: s.Rows.Where(r => r.Value == v).Select(r => r.Municipality.Name).ToList()))
            .Where(x => x.names.Count > 0)
            .Select(x => $"{x.v} av {s.Max}: {string.Join(", ", x.names)}.");
        var description = $"Karta över {s.Rows.Count} kommuner. Värdet är antalet erbjudanden ({string.Join(", ", s.Offerings.Select(o => o.Name))}) " +
            $"som kommunen tagit del av {s.FromYear}–{s.ToYear} plus ett för plats i referensgruppen. " + string.Join(" ", byValue);
        var areas = s.Rows.Select(r => new SvgMap.MapArea(r.Municipality.Code, classOf(r.Value), $"{r.Municipality.Name}: {r.Value} av {s.Max}")).ToList();
        return new SvgMap.MapSpec(idPrefix, $"Engagemang per kommun i {s.ProgrammeName}", description, classes, areas, []);
    }

    private ExportTable Table()
    {
        var headers = new List<string> { "Kommunkod", "Kommun", "Befolkning" };
        headers.AddRange(Summary.Offerings.Select(o => o.Name));
        headers.AddRange(["Referensgrupp (år)", "Engagemang", "Högsta möjliga", $"Deltagare i kompetensutveckling {Participation.Years}",
            "Anställda enligt KB:s biblioteksstatistik", "Mätår", "Deltagare per 100 anställda"]);
        return new ExportTable(headers, Rows.Select(r =>
        {
            var cells = new List<object?> { r.Municipality.Code, r.Municipality.Name, r.Municipality.Population };
            cells.AddRange(Summary.Offerings.Select(o => (object?)(r.OfferingsTaken.Contains(o.Id) ? "ja" : "nej")));
            var rate = Participation.Municipality(r.Municipality.Code);
            cells.AddRange([string.Join(", ", r.ReferenceGroupYears), r.Value, Summary.Max, rate.Participants,
                rate.Staff is { } st ? st.Persons : Samverka.Web.Features.Directory.Kb.StaffFigures.Missing, rate.Staff?.Years, rate.Per100 is decimal v ? v : Samverka.Web.Features.Directory.Kb.StaffFigures.Missing]);
            return cells.ToArray();
        }));
    }
}
