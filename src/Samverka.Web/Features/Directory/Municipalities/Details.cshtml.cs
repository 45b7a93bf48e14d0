using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Municipalities;

[OutputCache(PolicyName = CachePolicies.Directory)]
public class DetailsModel(AppDbContext db) : PageModel
{
    public Municipality Municipality { get; private set; } = null!;
    public List<Library> Libraries { get; private set; } = [];

    /// <summary>Population change since 2019 in per cent, sv-SE formatted with a real minus sign.</summary>
    public string Change => Municipality.Population2019 == 0 ? "–"
        : ((Municipality.Population - Municipality.Population2019) / (double)Municipality.Population2019).ToString("+0.0 %;−0.0 %;0,0 %");

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var m = await db.Municipalities.AsNoTracking().Include(x => x.County).FirstOrDefaultAsync(x => x.Code == code);
        if (m is null) return NotFound();
        Municipality = m;
        Libraries = await db.Libraries.AsNoTracking().Where(l => l.MunicipalityCode == code)
            .OrderByDescending(l => l.IsActive).ThenBy(l => l.Name).ToListAsync();
        return Page();
    }
}
