using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Accounts;

/// <summary>Second step of sign-in for accounts with TOTP: the password was right, now the code.</summary>
[AllowAnonymous]
public class LoginCodeModel(SignInManager<AppUser> signIn, ILogger<LoginCodeModel> logger,
    AuditLog audit) : PageModel
{
    [BindProperty, NotFreeText("one-time code")] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>No password step is waiting for a code (never started, or its five minutes are over).</summary>
    public bool NothingPending { get; private set; }

    public async Task OnGetAsync() =>
        // Without the short-lived cookie from the password step there is nothing to complete: say so
        // and link to the password step, rather than redirect (a bookmark should explain itself).
        NothingPending = await signIn.GetTwoFactorAuthenticationUserAsync() is null;

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Accounts/Login", new { returnUrl = ReturnUrl });
        if (TotpCode.Normalize(Code) is not { } code)
        {
            ModelState.AddModelError(nameof(Code), "Ange den sexsiffriga koden från din autentiseringsapp.");
            return Invalid();
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in with a second factor", user.Id);
            await audit.SignedInAsync(user);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        await audit.SignInFailedAsync(user.Email, user, result.IsLockedOut,
            SingleUseAuthenticatorTokenProvider.WasReplay(HttpContext) ? "använd kod i andra steget" : "fel kod i andra steget");
        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out", user.Id);
            ModelState.AddModelError("", "Kontot är tillfälligt låst efter för många misslyckade försök. Försök igen om en stund.");
        }
        else if (SingleUseAuthenticatorTokenProvider.WasReplay(HttpContext))
        {
            logger.LogInformation("Second-factor code used again for user {UserId}", user.Id);
            ModelState.AddModelError(nameof(Code), SingleUseAuthenticatorTokenProvider.ReplayMessage);
        }
        else
        {
            logger.LogInformation("Wrong second-factor code for user {UserId}", user.Id);
            ModelState.AddModelError(nameof(Code), "Koden stämmer inte. Kontrollera att telefonens klocka går rätt och försök igen.");
        }
        return Invalid();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

public static class TotpCode
{
    /// <summary>Six digits, allowing the spaces and dashes some apps show; otherwise null.</summary>
    public static string? Normalize(string? code)
    {
        var digits = new string((code ?? "").Where(c => c is not (' ' or '-')).ToArray());
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
