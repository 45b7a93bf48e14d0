using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Municipalities;

[OutputCache(PolicyName = CachePolicies.Directory)]
public class IndexModel(AppDbContext db) : PageModel
{
    public record Row(string Code, string Name, string CountyCode, string CountyName, int Population, int Population2019, int Libraries);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lan { get; set; }
    public List<County> Counties { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Counties = await db.Counties.AsNoTracking().OrderBy(c => c.Name).ToListAsync();
        Rows = await Load();
    }

    public async Task<IActionResult> OnGetCsvAsync() => Export.Csv(Table(await Load()), "kommuner");
    public async Task<IActionResult> OnGetXlsxAsync() => Export.Xlsx(Table(await Load()), "kommuner", "Kommuner");

    private Task<List<Row>> Load()
    {
        var query = DirectorySearch.Municipalities(db.Municipalities.AsNoTracking(), Q);
        if (!string.IsNullOrEmpty(Lan)) query = query.Where(m => m.CountyCode == Lan);
        return query.OrderBy(m => m.Name)
            .Select(m => new Row(m.Code, m.Name, m.CountyCode, m.County!.Name, m.Population, m.Population2019, m.Libraries.Count(l => l.IsActive)))
            .ToListAsync();
    }

    private static ExportTable Table(List<Row> rows) => new(
        ["Kommunkod", "Kommun", "Länskod", "Län", "Befolkning 2024", "Befolkning 2019", "Antal aktiva bibliotek"],
        rows.Select(m => new object?[] { m.Code, m.Name, m.CountyCode, m.CountyName, m.Population, m.Population2019, m.Libraries }));
}
