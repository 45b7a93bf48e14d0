using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Accounts;

[AllowAnonymous]
public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<LoginModel> logger,
    Samverka.Web.Infrastructure.AuditLog audit) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty, NotFreeText("password, never stored")] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), "Ange din e-postadress.");
        // Refused before anything is looked up or logged: a failed sign-in is audited with the text typed.
        else if (Samverka.Web.Features.Directory.People.PersonValidation.ContainsPersonalIdentityNumber(Email))
            ModelState.AddModelError(nameof(Email), "Logga in med din e-postadress. " + Samverka.Web.Features.Directory.People.PersonValidation.PersonalIdentityNumberMessage);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Ange ditt lösenord.");
        if (!ModelState.IsValid) return Invalid();

        var user = await users.FindByEmailAsync(Email!.Trim());
        if (user is null || !user.IsActive)
        {
            logger.LogInformation("Failed sign-in for unknown or inactive account");
            await audit.SignInFailedAsync(Email, user, lockedOut: false);
            ModelState.AddModelError("", "Fel e-postadress eller lösenord.");
            return Invalid();
        }
        var result = await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            await audit.SignedInAsync(user);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.RequiresTwoFactor)
        {
            // The password was right; the second factor is asked for on its own page.
            return RedirectToPage("/Accounts/LoginCode", new { returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
        }
        await audit.SignInFailedAsync(Email, user, result.IsLockedOut);
        if (result.IsLockedOut)
        {
            logger.LogWarning("User {UserId} is locked out", user.Id);
            ModelState.AddModelError("", "Kontot är tillfälligt låst efter för många misslyckade försök. Försök igen om en stund.");
        }
        else
        {
            logger.LogInformation("Failed sign-in for user {UserId}", user.Id);
            ModelState.AddModelError("", "Fel e-postadress eller lösenord.");
        }
        return Invalid();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Password = null;
        return Page();
    }
}
