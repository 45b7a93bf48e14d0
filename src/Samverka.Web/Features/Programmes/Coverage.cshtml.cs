using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Programmes;

/// <summary>Public coverage of a programme: municipalities reached per programme, offering and reference group, and those not reached.</summary>
public class CoverageModel(AppDbContext db) : PageModel
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
