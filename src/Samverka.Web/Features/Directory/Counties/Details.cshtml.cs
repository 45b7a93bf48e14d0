using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Counties;

[OutputCache(PolicyName = CachePolicies.Directory)]
public class DetailsModel(AppDbContext db) : PageModel
{
    public record Row(string Code, string Name, int Population, int Libraries);

    public County County { get; private set; } = null!;
    public List<Row> Municipalities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var county = await db.Counties.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code);
        if (county is null) return NotFound();
        County = county;
        Municipalities = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == code).OrderBy(m => m.Name)
            .Select(m => new Row(m.Code, m.Name, m.Population, m.Libraries.Count(l => l.IsActive))).ToListAsync();
        return Page();
    }
}
