using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>Adds a plan to a municipality (?kommun=) or a region's own plan (?lan=).</summary>
[Authorize]
public class CreateModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kommun { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lan { get; set; }
    [BindProperty] public LibraryPlanForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public string OwnerName { get; private set; } = "";
    public string BackUrl { get; private set; } = "/biblioteksplaner";

    public async Task<IActionResult> OnGetAsync()
    {
        ModelState.Clear();
        return await ResolveOwnerAsync() is { } refused ? refused : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await ResolveOwnerAsync() is { } refused) return refused;
        var now = time.GetUtcNow();
        var (valid, file) = await LibraryPlanSaving.ValidateAsync(Input, Upload, ModelState, now, user.Scope.Email, HttpContext.RequestAborted);
        if (valid is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var plan = new LibraryPlan
        {
            Title = valid.Title,
            MunicipalityCode = Kommun is null ? null : Kommun,
            CountyCode = Kommun is null ? Lan : null,
            CreatedAt = now,
        };
        LibraryPlanSaving.Apply(valid, file, plan, now);
        db.LibraryPlans.Add(plan);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Biblioteksplanen {plan.Title} har lagts till.";
        return Redirect(BackUrl);
    }

    /// <summary>Null when the owner exists and the user may add plans to it; otherwise the refusal.</summary>
    private async Task<IActionResult?> ResolveOwnerAsync()
    {
        Kommun = string.IsNullOrWhiteSpace(Kommun) ? null : Kommun.Trim();
        Lan = string.IsNullOrWhiteSpace(Lan) ? null : Lan.Trim();
        if (Kommun is not null)
        {
            var m = await db.Municipalities.AsNoTracking().Where(x => x.Code == Kommun).Select(x => new { x.Name, x.CountyCode }).FirstOrDefaultAsync();
            if (m is null) return NotFound();
            if (!LibraryPlanAccess.CanEditPlan(user.Scope, Kommun, m.CountyCode)) return Forbid();
            OwnerName = m.Name;
            BackUrl = $"/biblioteksplaner/kommun/{Kommun}";
            return null;
        }
        if (Lan is not null)
        {
            var c = await db.Counties.AsNoTracking().Where(x => x.Code == Lan).Select(x => x.Name).FirstOrDefaultAsync();
            if (c is null) return NotFound();
            if (!LibraryPlanAccess.CanEditPlan(user.Scope, null, Lan)) return Forbid();
            OwnerName = c;
            BackUrl = $"/biblioteksplaner?lan={Lan}";
            return null;
        }
        return NotFound();
    }
}
