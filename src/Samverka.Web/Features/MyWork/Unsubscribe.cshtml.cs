using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.MyWork;

/// <summary>
/// The weekly digest's unsubscribe link: works without signing in. GET asks for confirmation (a link opened by a mail
/// scanner changes nothing); POST turns the digest off. The POST needs no antiforgery token: the secret token in the
/// address is the credential, and mail programs post "List-Unsubscribe=One-Click" to it (RFC 8058). An unknown token
/// answers 404 and changes nothing.
/// </summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public class UnsubscribeModel(AppDbContext db, TimeProvider time, ILogger<UnsubscribeModel> logger) : PageModel
{
    public enum State { Confirm, Unknown, Unsubscribed, AlreadyOff }

    [BindProperty(SupportsGet = true), NotFreeText("random link token")] public string Token { get; set; } = "";
    public State Result { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var owner = await Digest.TokenOwnerAsync(db, Token, HttpContext.RequestAborted);
        if (owner is null) return Refuse();
        Result = await Digest.IsSubscribedAsync(db, owner, HttpContext.RequestAborted) ? State.Confirm : State.AlreadyOff;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Digest.UnsubscribeAsync(db, Token, time.GetUtcNow(), HttpContext.RequestAborted);
        if (result == Digest.UnsubscribeResult.Unknown) return Refuse();
        Result = result == Digest.UnsubscribeResult.Unsubscribed ? State.Unsubscribed : State.AlreadyOff;
        logger.LogInformation("Weekly digest unsubscribe link used: {Result}", result);
        return Page();
    }

    private PageResult Refuse()
    {
        Result = State.Unknown;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
