using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

/// <summary>Edits a draft. A signed agreement is refused (409): it is changed only by an amendment, a new version.</summary>
[Authorize]
public class EditModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel, IVersionedForm
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public AgreementForm Input { get; set; } = new();
    /// <summary>The agreement's xmin when the form was loaded: a save from a stale form is refused.</summary>
    [BindProperty] public uint? Version { get; set; }
    public AgreementFieldsModel? Fields { get; private set; }
    public string CurrentTitle { get; private set; } = "";
    public bool Signed { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var a = await LoadAsync(tracked: false);
        if (a is null) return NotFound();
        if (!AgreementRules.CanManage(user.Scope, a.CountyCode)) return Forbid();
        if (Refused(a) is { } refused) return refused;
        Input = AgreementForm.From(a);
        Version = a.Version;
        return await Show();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var a = await LoadAsync(tracked: true);
        if (a is null) return NotFound();
        if (!AgreementRules.CanManage(user.Scope, a.CountyCode)) return Forbid();
        if (Refused(a) is { } refused) return refused;
        var (valid, errors) = await Input.ValidateAsync(db, user.Scope, a.Id);
        if (valid is null)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await Show();
        }
        OptimisticConcurrency.Expect(db, a, Version);
        Input.Apply(valid, a, clock.GetUtcNow());
        try
        {
            if (!await OptimisticConcurrency.TrySaveAsync(db))
            {
                // Someone saved first: nothing stored, the user's input kept.
                var theirs = await LoadAsync(tracked: false);
                if (theirs is null) return NotFound();
                this.RefuseStale("Någon annan har ändrat överenskommelsen medan du redigerade, så ingenting sparades. Kontrollera uppgifterna och spara igen.", theirs.Version);
                return await Show();
            }
        }
        catch (DbUpdateException e) when (AgreementValidation.IsRegistryNumberConflict(e))
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.RegistryNumber", AgreementValidation.RegistryNumberRace);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return await Show();
        }
        TempData["Notice"] = "Ändringarna har sparats.";
        return Redirect($"/overenskommelser/{a.Id}");
    }

    private IActionResult? Refused(Agreement a)
    {
        CurrentTitle = a.Title;
        if (AgreementRules.IsEditable(a)) return null;
        Signed = true;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private Task<Agreement?> LoadAsync(bool tracked) => AgreementLoader.LoadAsync(db, user.Scope, Id, tracked);

    private async Task<IActionResult> Show()
    {
        Fields = await AgreementChoices.FieldsAsync(db, user.Scope, Input.WithBlankRows());
        return Page();
    }
}
