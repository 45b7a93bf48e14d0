using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Catalog;
using Samverka.Web.Data;

namespace Samverka.Web.Pages.ProgrammeCoverage;

/// <summary>Public coverage of a programme: municipalities reached per programme, offering and reference group, and those not reached.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public ProgrammeFacts Facts { get; private set; } = null!;
    public CoverageReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await ProgrammeFacts.LoadAsync(db, id) is not { } facts) return NotFound();
        (Facts, Report) = (facts, Coverage.Compute(facts));
        return Page();
    }
}
