using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Accounts;

/// <summary>
/// A signed-in person changes their password. The new security stamp ends their other sessions at
/// the next check (within a minute); this session is signed in again with the new stamp.
/// </summary>
[Authorize]
public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<ChangePasswordModel> logger) : PageModel
{
    [BindProperty, NotFreeText("password, stored only as a hash")] public string? CurrentPassword { get; set; }
    [BindProperty, NotFreeText("password, stored only as a hash")] public string? NewPassword { get; set; }
    [BindProperty(SupportsGet = true, Name = "klart")] public bool Changed { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        Changed = false;
        if (string.IsNullOrEmpty(CurrentPassword)) ModelState.AddModelError(nameof(CurrentPassword), "Ange ditt nuvarande lösenord.");
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddModelError(nameof(NewPassword), "Ange ett nytt lösenord.");
        if (!ModelState.IsValid) return Invalid();

        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        // ChangePasswordAsync checks the current password, runs every password validator and renews the security stamp.
        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            // Guessing the current password from an unattended session counts towards the lockout.
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))) await users.AccessFailedAsync(user);
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(CurrentPassword) : nameof(NewPassword),
                    error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Det nuvarande lösenordet stämmer inte." : error.Description);
            return Invalid();
        }
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed their password", user.Id);
        return RedirectToPage(new { klart = true });
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
