using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>The instrument's versions and their statements: public, so anyone can see what is asked.</summary>
public class InstrumentsModel(AppDbContext db, CurrentUser user) : PageModel
{
    public record Version(AssessmentInstrument Instrument, bool InUse);
    public List<Version> Versions { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        CanEdit = AssessmentRules.CanEditInstruments(user.Scope);
        var instruments = await db.AssessmentInstruments.AsNoTracking().Include(i => i.Items).OrderByDescending(i => i.VersionNumber).ToListAsync();
        var used = await db.AssessmentRounds.Select(r => r.InstrumentId).Distinct().ToListAsync();
        Versions = instruments.Select(i => new Version(i, used.Contains(i.Id))).ToList();
    }
}
