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

    public async Task OnGetAsync()
    {
        Counties = await db.Counties.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        Rows = await LoadAsync();
    }

    public async Task<IActionResult> OnGetCsvAsync() => Export.Csv(ActivityStatistics.Table(await LoadAsync()), "deltagande");
    public async Task<IActionResult> OnGetXlsxAsync() => Export.Xlsx(ActivityStatistics.Table(await LoadAsync()), "deltagande", "Deltagande");

    private Task<List<ActivityStatistics.Participation>> LoadAsync() =>
        ActivityStatistics.LoadAsync(db, Ar, string.IsNullOrWhiteSpace(Lan) ? null : Lan.Trim());

    public string Query(string? handler) => "/aktiviteter/statistik?" + string.Join("&", new[]
    {
        handler is null ? null : "handler=" + handler, Ar is null ? null : "ar=" + Ar, string.IsNullOrWhiteSpace(Lan) ? null : "lan=" + Uri.EscapeDataString(Lan),
    }.Where(x => x is not null));
}
