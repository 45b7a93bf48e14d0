using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Home;

[OutputCache(PolicyName = CachePolicies.Directory)]
public class IndexModel(AppDbContext db) : PageModel
{
    public int Counties { get; private set; }
    public int Municipalities { get; private set; }
    public int Libraries { get; private set; }
    public long Population { get; private set; }
    public int PopulationYear { get; private set; }

    public async Task OnGetAsync()
    {
        Counties = await db.Counties.CountAsync();
        Municipalities = await db.Municipalities.CountAsync();
        Libraries = await db.Libraries.CountAsync(l => l.IsActive);
        Population = await db.Municipalities.SumAsync(m => (long)m.Population);
        PopulationYear = await db.Municipalities.Select(m => m.PopulationYear).DefaultIfEmpty().MaxAsync();
    }
}
