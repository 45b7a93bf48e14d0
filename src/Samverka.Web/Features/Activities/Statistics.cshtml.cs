using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Activities;

/// <summary>Participation per activity, library, municipality, theme and year; CSV and XLSX exports.</summary>
public class StatisticsModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Ar { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lan { get; set; }
    public List<ActivityStatistics.Participation> Rows { get; private set; } = [];
    public List<County> Counties { get; private set; } = [];
    /// <summary>Staff per group and year of the rows (KB's library statistics): the per-100 denominators.</summary>
    public Dictionary<int, Dictionary<string, Samverka.Web.Features.Directory.Kb.StaffFigure>> Staff { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Counties = await db.Counties.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        Rows = await LoadAsync();
        Staff = await Samverka.Web.Features.Directory.Kb.StaffFigures.ForYearsAsync(db, Rows.Select(r => r.Year), HttpContext.RequestAborted);
    }

    /// <summary>Per municipality of the participants' libraries, with staff and participants per 100 staff.</summary>
    public ParticipationTableView Municipalities()
    {
        var codes = Rows.GroupBy(r => r.MunicipalityName).ToDictionary(g => g.Key, g => g.First().MunicipalityCode);
        return new("s-mun", "Deltagare per kommun (deltagarnas bibliotek) och deltagare per 100 anställda", "Kommun",
            ActivityStatistics.By(Rows, r => [r.MunicipalityName]), c => StaffOf(c.Year, "M:" + codes[c.Key]));
    }

    /// <summary>Per county of the participants' libraries (not the arranging region), with participants per 100 staff.</summary>
    public ParticipationTableView Regions()
    {
        var names = Counties.ToDictionary(c => c.Code, c => c.Name);
        var codes = names.ToDictionary(n => n.Value, n => n.Key);
        return new("s-region", "Deltagare per region (deltagarnas bibliotek) och deltagare per 100 anställda", "Region",
            ActivityStatistics.By(Rows, r => [names.GetValueOrDefault(r.LibraryCountyCode, r.LibraryCountyCode)]), c => StaffOf(c.Year, "C:" + codes.GetValueOrDefault(c.Key, c.Key)));
    }

    private Samverka.Web.Features.Directory.Kb.StaffFigure? StaffOf(int year, string key) => Staff.GetValueOrDefault(year)?.GetValueOrDefault(key);

    public async Task<IActionResult> OnGetCsvAsync() => Export.Csv(ActivityStatistics.Table(await LoadAsync()), "deltagande");
    public async Task<IActionResult> OnGetXlsxAsync() => Export.Xlsx(ActivityStatistics.Table(await LoadAsync()), "deltagande", "Deltagande");

    private Task<List<ActivityStatistics.Participation>> LoadAsync() =>
        ActivityStatistics.LoadAsync(db, Ar, string.IsNullOrWhiteSpace(Lan) ? null : Lan.Trim());

    public string Query(string? handler) => "/aktiviteter/statistik?" + string.Join("&", new[]
    {
        handler is null ? null : "handler=" + handler, Ar is null ? null : "ar=" + Ar, string.IsNullOrWhiteSpace(Lan) ? null : "lan=" + Uri.EscapeDataString(Lan),
    }.Where(x => x is not null));
}
