using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Accounts;

/// <summary>
/// TOTP two-factor (RFC 6238) with Identity's authenticator token provider: show the shared key,
/// enable after one correct code, disable with a code (never for administrators, who must use it).
/// </summary>
[Authorize]
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IUserStore<AppUser> store, CurrentUser current,
    ILogger<TwoFactorModel> logger) : PageModel
{
    [BindProperty, NotFreeText("one-time code")] public string? Code { get; set; }
    [BindProperty(SupportsGet = true, Name = "klart")] public string? Done { get; set; }

    public bool Enabled { get; private set; }
    public bool MustUseTwoFactor => current.Scope.IsAdmin;
    public bool SignedInWithCode => User.HasClaim(SignInSecurity.AmrClaim, "mfa");
    public string FormattedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToPage();
        if (TotpCode.Normalize(Code) is not { } code)
            ModelState.AddModelError(nameof(Code), "Ange den sexsiffriga koden från din autentiseringsapp.");
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            ModelState.AddModelError(nameof(Code), SingleUseAuthenticatorTokenProvider.WasReplay(HttpContext)
                ? SingleUseAuthenticatorTokenProvider.ReplayMessage : "Koden stämmer inte. Kontrollera nyckeln och att telefonens klocka går rätt, och försök igen.");
        if (!ModelState.IsValid) return await InvalidAsync(user);

        await users.SetTwoFactorEnabledAsync(user, true);
        // The person has just proved the second factor: this session counts as signed in with it
        // (an administrator may now go on), re-issued with the new security stamp.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SignInSecurity.AmrClaim, "mfa")]);
        logger.LogInformation("User {UserId} enabled two-factor sign-in", user.Id);
        return RedirectToPage(new { klart = "aktiverad" });
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToPage();
        if (MustUseTwoFactor)
            ModelState.AddModelError(nameof(Code), "Administratörer måste använda tvåstegsverifiering; den kan inte stängas av.");
        else if (TotpCode.Normalize(Code) is not { } code)
            ModelState.AddModelError(nameof(Code), "Ange den sexsiffriga koden från din autentiseringsapp.");
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            ModelState.AddModelError(nameof(Code), SingleUseAuthenticatorTokenProvider.WasReplay(HttpContext)
                ? SingleUseAuthenticatorTokenProvider.ReplayMessage : "Koden stämmer inte. Försök igen med en ny kod från appen.");
        if (!ModelState.IsValid) return await InvalidAsync(user);

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key for next time: the old one may be on a lost phone.
        await users.ResetAuthenticatorKeyAsync(user);
        // The steps used with the old key say nothing about the new one.
        await users.RemoveAuthenticationTokenAsync(user, SingleUseAuthenticatorTokenProvider.LoginProvider, SingleUseAuthenticatorTokenProvider.LastStepToken);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} disabled two-factor sign-in", user.Id);
        return RedirectToPage(new { klart = "avaktiverad" });
    }

    private async Task<PageResult> InvalidAsync(AppUser user)
    {
        Done = null;
        await LoadAsync(user);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task LoadAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // The first key, straight through the store: UserManager.ResetAuthenticatorKeyAsync would
            // also renew the security stamp and so end the person's other sessions for no reason.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        FormattedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var label = Uri.EscapeDataString("Samverka:" + user.Email);
        AuthenticatorUri = $"otpauth://totp/{label}?secret={key}&issuer=Samverka&digits=6&period=30";
    }
}
