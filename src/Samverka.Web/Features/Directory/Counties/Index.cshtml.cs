using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Counties;

[OutputCache(PolicyName = CachePolicies.Directory)]
public class IndexModel(AppDbContext db) : PageModel
{
    public List<CountyDto> Counties { get; private set; } = [];
    public int PopulationYear => Counties.Select(c => c.PopulationYear).DefaultIfEmpty().Max();

    public async Task OnGetAsync() => Counties = await Load();

    public async Task<IActionResult> OnGetCsvAsync() => Export.Csv(Table(await Load()), "lan");
    public async Task<IActionResult> OnGetXlsxAsync() => Export.Xlsx(Table(await Load()), "lan", "Län");

    private Task<List<CountyDto>> Load() => db.Counties.AsNoTracking().OrderBy(c => c.Code)
        .Select(c => new CountyDto(c.Code, c.Name, c.RegionalBody, c.Municipalities.Count, c.Population, c.PopulationYear, c.Population2019))
        .ToListAsync();

    private static ExportTable Table(List<CountyDto> rows) => new(
        ["Länskod", "Län", "Regionalt organ", "Antal kommuner", "Befolkning", "Befolkningsår", "Befolkning 2019"],
        rows.Select(c => new object?[] { c.Code, c.Name, c.RegionalBody, c.MunicipalityCount, c.Population, c.PopulationYear, c.Population2019 }));
}
