using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Activities;

[Authorize]
public class EditModel(AppDbContext db, CurrentUser user, TimeProvider time) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public ActivityForm Input { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    public ActivityFieldsModel Fields { get; private set; } = null!;
    public Activity Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        Fields = await ActivityFieldsModel.LoadAsync(db, user.Scope, ActivityForm.From(Activity));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        var (valid, errors) = await Input.ValidateAsync(db, user.Scope);
        if (valid is null) return await InvalidAsync(errors);
        var now = time.GetUtcNow();
        OptimisticConcurrency.Expect(db, Activity, Input.Version);
        Input.Apply(valid, Activity, now);
        var saved = await OptimisticConcurrency.TrySaveAsync(db, async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            // A raised capacity gives seats to the waiting list at once, in this transaction.
            if (Activity.Status == ActivityStatus.Published)
            {
                await Registrations.PromoteAsync(db, Activity, now, PublicUrl.Base(Request), HttpContext.RequestAborted);
                await db.SaveChangesAsync();
            }
            await tx.CommitAsync();
        });
        if (!saved)
            return await InvalidAsync(new() { [""] = "Någon annan har ändrat aktiviteten sedan du öppnade formuläret. Ladda om sidan och gör ändringen igen." }, 409);
        TempData["Notice"] = $"Aktiviteten {Activity.Title} är sparad.";
        return Redirect($"/aktiviteter/{Id}");
    }

    /// <summary>Cancels the activity: feeds show STATUS:CANCELLED and everyone registered gets an e-mail.</summary>
    public async Task<IActionResult> OnPostCancelActivityAsync()
    {
        if (await LoadAsync() is { } refused) return refused;
        var reason = Reason?.Trim() ?? "";
        if (Activity.Status == ActivityStatus.Cancelled) ModelState.AddModelError(nameof(Reason), "Aktiviteten är redan inställd.");
        else if (reason.Length == 0) ModelState.AddModelError(nameof(Reason), "Ange varför aktiviteten ställs in; anledningen skickas till de anmälda.");
        else if (reason.Length > 1000) ModelState.AddModelError(nameof(Reason), "Anledningen får vara högst 1 000 tecken.");
        else if (Samverka.Web.Features.Directory.People.PersonValidation.ContainsPersonalIdentityNumber(reason)) ModelState.AddModelError(nameof(Reason), "Texten ser ut att innehålla ett personnummer. Ta bort det.");
        if (!ModelState.IsValid)
        {
            Fields = await ActivityFieldsModel.LoadAsync(db, user.Scope, ActivityForm.From(Activity));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await Registrations.CancelActivityAsync(db, Activity, reason, time.GetUtcNow());
        TempData["Notice"] = $"Aktiviteten {Activity.Title} är inställd och de anmälda har fått e-post.";
        return Redirect($"/aktiviteter/{Id}");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var a = await ActivityRules.LoadAsync(db, user.Scope, Id, tracked: true);
        if (a is null) return NotFound();
        if (!ActivityRules.CanManage(user.Scope, a)) return Forbid();
        Activity = a;
        return null;
    }

    private async Task<IActionResult> InvalidAsync(Dictionary<string, string> errors, int status = 400)
    {
        foreach (var (field, message) in errors) ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
        Fields = await ActivityFieldsModel.LoadAsync(db, user.Scope, Input);
        Response.StatusCode = status;
        return Page();
    }
}
