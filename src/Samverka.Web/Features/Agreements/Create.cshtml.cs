using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

[Authorize]
public class CreateModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty] public AgreementForm Input { get; set; } = new();
    public AgreementFieldsModel Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!AgreementRules.CanCreate(user.Scope)) return Forbid();
        Input.CountyCode = user.Scope.Counties.Count == 1 ? user.Scope.Counties.First() : null;
        return await Show();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!AgreementRules.CanCreate(user.Scope)) return Forbid();
        var (valid, errors) = await Input.ValidateAsync(db, user.Scope, null);
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show();
        }
        var now = clock.GetUtcNow();
        var agreement = new Agreement { Title = valid.Head.Title, CountyCode = valid.CountyCode, CreatedAt = now, UpdatedAt = now };
        Input.Apply(valid, agreement, now);
        db.Agreements.Add(agreement);
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException e) when (AgreementValidation.IsRegistryNumberConflict(e))
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.RegistryNumber", AgreementValidation.RegistryNumberRace);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await Show();
        }
        TempData["Notice"] = "Utkastet har sparats.";
        return Redirect($"/overenskommelser/{agreement.Id}");
    }

    private async Task<IActionResult> Show()
    {
        Fields = await AgreementChoices.FieldsAsync(db, user.Scope, Input.WithBlankRows());
        return Page();
    }
}
