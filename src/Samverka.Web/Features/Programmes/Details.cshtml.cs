using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes;

public class DetailsModel(AppDbContext db, CurrentUser user) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public Programme Programme { get; private set; } = null!;
    public Dictionary<string, string> CountyNames { get; private set; } = [];
    public bool CanEdit { get; private set; }
    /// <summary>Funding summed per year, and the years of the period in order.</summary>
    public IReadOnlyList<(int Year, long Sum)> FundingPerYear { get; private set; } = [];
    /// <summary>Pages other parts of the programme feature provide; linked only where they exist.</summary>
    public bool HasReferenceGroups { get; private set; }
    public bool HasCoverage { get; private set; }
    public bool HasEngagement { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var p = await db.Programmes.AsNoTracking().AsSplitQuery()
            .Include(x => x.Regions).ThenInclude(r => r.County)
            .Include(x => x.Funding)
            .Include(x => x.Partners).ThenInclude(x => x.Library)
            .Include(x => x.Offerings).ThenInclude(o => o.Exceptions).ThenInclude(e => e.Municipality)
            .Include(x => x.ReferenceGroups)
            .FirstOrDefaultAsync(x => x.Id == Id);
        if (p is null) return NotFound();
        Programme = p;
        CountyNames = await db.Counties.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name);
        CanEdit = ProgrammeRules.CanEditProgramme(user.Scope, p.Regions.Select(r => r.CountyCode).ToList());
        FundingPerYear = p.Funding.GroupBy(f => f.Year).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(f => f.AmountSek))).ToList();
        // Reference groups, coverage and engagement are separate pages: link them only when this build has them.
        HasReferenceGroups = RouteExists("program/{id:int}/referensgrupper/{year:int}");
        HasCoverage = RouteExists("program/{id:int}/tackning");
        HasEngagement = RouteExists("program/{id:int}/engagemang");
        return Page();
    }

    private bool RouteExists(string template) =>
        HttpContext.RequestServices.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.IActionDescriptorCollectionProvider>()
            .ActionDescriptors.Items.Any(a => string.Equals(a.AttributeRouteInfo?.Template, template, StringComparison.OrdinalIgnoreCase));
}
