using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Activities;

/// <summary>
/// The self-service link in the confirmation e-mail: no sign-in, the token is the proof. GET only shows
/// a button (mail scanners follow links; a GET must not cancel), the POST cancels.
/// </summary>
public class CancelByTokenModel(AppDbContext db, TimeProvider time) : PageModel
{
    [FromRoute, NotFreeText("random link token")] public string Token { get; set; } = "";
    public string? Title { get; private set; }
    public string? Sessions { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await FindAsync() is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindAsync() is not int id) return NotFound();
        var result = await Registrations.CancelAsync(db, id, time.GetUtcNow(), PublicUrl.Base(Request));
        if (!result.Ok)
        {
            ModelState.AddModelError("", result.Error!);
            Response.StatusCode = result.Status;
            return Page();
        }
        Done = true;
        return Page();
    }

    private async Task<int?> FindAsync()
    {
        var hash = InvitationTokens.Hash(Token);
        var r = await db.ActivityRegistrations.AsNoTracking().IgnoreQueryFilters().Include(x => x.Activity).ThenInclude(a => a!.Sessions)
            .FirstOrDefaultAsync(x => x.CancelTokenHash == hash && x.Status != RegistrationStatus.Cancelled);
        if (r is null) return null;
        Title = r.Activity!.Title;
        Sessions = string.Join("; ", r.Activity.Sessions.OrderBy(s => s.Date).ThenBy(s => s.StartTime).Select(Registrations.SessionText));
        return r.Id;
    }
}
