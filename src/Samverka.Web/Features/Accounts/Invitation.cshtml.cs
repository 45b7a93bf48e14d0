using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory.Libraries;
using Samverka.Web.Features.Directory.People;

namespace Samverka.Web.Features.Accounts;

/// <summary>
/// The invitation link: the invitee chooses a password and gets an account with the invited role.
/// Unknown links answer 404, used or expired ones 410; nothing is created for either.
/// </summary>
[AllowAnonymous]
public class InvitationModel(AppDbContext db, UserManager<AppUser> users, TimeProvider time, ILogger<InvitationModel> logger) : PageModel
{
    public enum LinkState { Valid, Unknown, Used, Expired }

    [BindProperty(SupportsGet = true), NotFreeText("random link token")] public string Token { get; set; } = "";
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty, NotFreeText("password, stored only as a hash")] public string? Password { get; set; }
    [BindProperty, NotFreeText("password, stored only as a hash")] public string? ConfirmPassword { get; set; }

    public LinkState State { get; private set; }
    public Invitation? Invite { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await CheckAsync() is { } refused) return refused;
        DisplayName = Invite!.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await CheckAsync() is { } refused) return refused;
        var invite = Invite!;

        var name = LibraryValidation.Clean(DisplayName);
        if (name is null) ModelState.AddModelError(nameof(DisplayName), "Ange ditt namn.");
        else if (name.Length > 200) ModelState.AddModelError(nameof(DisplayName), "Namnet får vara högst 200 tecken.");
        else if (PersonValidation.ContainsPersonalIdentityNumber(name)) ModelState.AddModelError(nameof(DisplayName), PersonValidation.PersonalIdentityNumberMessage);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "Välj ett lösenord.");
        else if (Password != ConfirmPassword) ModelState.AddModelError(nameof(ConfirmPassword), "Lösenorden är inte likadana. Skriv samma lösenord två gånger.");

        var user = new AppUser { UserName = invite.Email, Email = invite.Email, EmailConfirmed = true, DisplayName = name ?? invite.DisplayName, LockoutEnabled = true };
        if (!string.IsNullOrEmpty(Password))
        {
            // Identity's validators (length, and the common-password list) before anything is written.
            foreach (var validator in users.PasswordValidators)
                foreach (var error in (await validator.ValidateAsync(users, user, Password)).Errors)
                    ModelState.AddModelError(nameof(Password), error.Description);
        }
        if (!ModelState.IsValid) return Invalid();

        await using var tx = await db.Database.BeginTransactionAsync();
        // Lock the invitation first: a second, simultaneous use of the link waits on this row and then finds it used.
        // (Tracked, not ExecuteUpdate, so the change goes through SaveChanges and into the audit trail.)
        var now = time.GetUtcNow();
        var locked = await db.Invitations.FromSql($"SELECT * FROM invitations WHERE id = {invite.Id} FOR UPDATE").SingleAsync();
        if (locked.AcceptedAt is not null) return await RefuseAsync(LinkState.Used);
        if (locked.ExpiresAt <= now) return await RefuseAsync(LinkState.Expired);
        locked.AcceptedAt = now;

        // CreateAsync saves the account and the accepted invitation together, inside the transaction.
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            await tx.RollbackAsync();
            foreach (var error in created.Errors)
                ModelState.AddModelError(error.Code.Contains("Password") ? nameof(Password) : "", error.Description);
            return Invalid();
        }
        db.RoleAssignments.Add(new RoleAssignment
        {
            UserId = user.Id, Role = invite.Role, CountyCode = invite.CountyCode,
            MunicipalityCode = invite.MunicipalityCode, LibraryId = invite.LibraryId,
        });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        logger.LogInformation("Invitation {InvitationId} accepted: account {UserId} as {Role}", invite.Id, user.Id, invite.Role);
        TempData["Notice"] = "Ditt konto är klart. Logga in med din e-postadress och ditt nya lösenord.";
        return Redirect("/konto/logga-in");
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Password = ConfirmPassword = null;
        return Page();
    }

    /// <summary>Null when the link may be used; otherwise the refusal page.</summary>
    private async Task<IActionResult?> CheckAsync()
    {
        var hash = Token.Length is > 0 and <= 100 ? InvitationTokens.Hash(Token) : "";
        Invite = await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash);
        if (Invite is null) return await RefuseAsync(LinkState.Unknown);
        if (Invite.AcceptedAt is not null) return await RefuseAsync(LinkState.Used);
        if (Invite.ExpiresAt <= time.GetUtcNow()) return await RefuseAsync(LinkState.Expired);
        State = LinkState.Valid;
        return null;
    }

    private Task<IActionResult> RefuseAsync(LinkState state)
    {
        State = state;
        logger.LogInformation("Invitation link refused: {State}", state);
        Response.StatusCode = state == LinkState.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return Task.FromResult<IActionResult>(Page());
    }
}
