using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

[Authorize]
public class EditModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel, IVersionedForm
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public LibraryPlanForm Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    /// <summary>The plan's xmin when the form was loaded: a save from a stale form is refused.</summary>
    [BindProperty] public uint? Version { get; set; }
    public string OwnerName { get; private set; } = "";
    public string BackUrl { get; private set; } = "";
    public string? FileName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var plan = await LoadAsync();
        if (plan is null) return NotFound();
        if (!MayEdit(plan)) return Forbid();
        Input = LibraryPlanForm.From(plan);
        Version = plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var plan = await LoadAsync();
        if (plan is null) return NotFound();
        if (!MayEdit(plan)) return Forbid();
        var now = time.GetUtcNow();
        var (valid, file) = await LibraryPlanSaving.ValidateAsync(Input, Upload, ModelState, now, user.Scope.Email, HttpContext.RequestAborted);
        if (valid is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        OptimisticConcurrency.Expect(db, plan, Version);
        LibraryPlanSaving.Apply(valid, file, plan, now);
        if (!await OptimisticConcurrency.TrySaveAsync(db))
        {
            this.RefuseStale("Någon annan har ändrat planen medan du redigerade, så ingenting sparades. Ladda om sidan och försök igen.", storedVersion: null);
            return Page();
        }
        TempData["Notice"] = $"Ändringarna i {plan.Title} har sparats.";
        return Redirect(BackUrl);
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var plan = await LoadAsync();
        if (plan is null) return NotFound();
        if (!MayEdit(plan)) return Forbid();
        db.LibraryPlans.Remove(plan);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"Biblioteksplanen {plan.Title} har tagits bort.";
        return Redirect(BackUrl);
    }

    private string CountyOf(LibraryPlan p) => p.CountyCode ?? p.Municipality!.CountyCode;

    private bool MayEdit(LibraryPlan p) => LibraryPlanAccess.CanEditPlan(user.Scope, p.MunicipalityCode, CountyOf(p));

    private async Task<LibraryPlan?> LoadAsync()
    {
        var plan = await db.LibraryPlans.Include(p => p.Municipality).Include(p => p.County).FirstOrDefaultAsync(p => p.Id == Id);
        if (plan is null) return null;
        OwnerName = plan.Municipality?.Name ?? plan.County!.Name;
        BackUrl = plan.MunicipalityCode is { } code ? $"/biblioteksplaner/kommun/{code}" : $"/biblioteksplaner?lan={plan.CountyCode}";
        FileName = plan.FileId is null ? null : await db.StoredFiles.Where(f => f.Id == plan.FileId).Select(f => f.FileName).FirstOrDefaultAsync();
        return plan;
    }
}
