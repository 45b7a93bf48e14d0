using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>One municipality's plans, its status by both rules and grant eligibility for a chosen year (?ar=).</summary>
public class MunicipalityModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    public record PlanView(int Id, string Title, string? AdoptedBy, DateOnly? AdoptedOn, DateOnly? From, DateOnly To, string? Url,
        bool HasFile, bool CoversSchoolLibraries, DateOnly? ReportedOn, string? SourceNote, bool InForce, bool Current);

    [FromRoute] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Ar { get; set; }

    public int Year { get; private set; }
    public string Name { get; private set; } = "";
    public string CountyCode { get; private set; } = "";
    public string CountyName { get; private set; } = "";
    public bool MayEdit { get; private set; }
    public List<PlanView> Plans { get; private set; } = [];
    public PlanOverview.Row Row { get; private set; } = null!;
    /// <summary>Today's view, whatever year is shown: the plan in force now, whether a new one is needed, the next reminder.</summary>
    public PlanAttentionRow Attention { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        ModelState.Clear(); // ?ar=abc just means this year
        var m = await db.Municipalities.AsNoTracking().Where(x => x.Code == Code)
            .Select(x => new { x.Name, x.CountyCode, County = x.County!.Name }).FirstOrDefaultAsync();
        if (m is null) return NotFound();
        (Name, CountyCode, CountyName) = (m.Name, m.CountyCode, m.County);
        var today = SwedishTimeZone.Today(time.GetUtcNow());
        Year = Ar is int y && y is >= PlanOverview.MinYear and <= PlanOverview.MaxYear ? y : today.Year;
        MayEdit = LibraryPlanAccess.CanEditPlan(user.Scope, Code, CountyCode);
        Attention = (await PlanAttention.ForAsync(db, [Code], today)).Single();
        var register = await PlanOverview.LoadAsync(db, CountyCode);
        Row = PlanOverview.For(register, Year, CountyCode).Rows.Single(r => r.Municipality.Code == Code);
        Plans = [.. (await db.LibraryPlans.AsNoTracking().Where(p => p.MunicipalityCode == Code).OrderByDescending(p => p.ValidTo).ToListAsync())
            .Select(p =>
            {
                var period = new PlanPeriod(p.ValidFrom, p.ValidTo);
                return new PlanView(p.Id, p.Title, p.AdoptedBy, p.AdoptedOn, p.ValidFrom, p.ValidTo, p.Url, p.FileId != null,
                    p.CoversSchoolLibraries, p.ReportedOn, p.SourceNote, PlanRules.InForceOn(period, new DateOnly(Year, 12, 31)), PlanRules.CurrentInYear(period, Year));
            })];
        return Page();
    }
}
