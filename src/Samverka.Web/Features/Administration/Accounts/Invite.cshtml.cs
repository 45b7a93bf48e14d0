using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Directory.People;
using Samverka.Web.Features.Directory.Libraries;

namespace Samverka.Web.Features.Administration.Accounts;

/// <summary>Administrators invite anyone with any role; regional coordinators managers and staff in their region.</summary>
[Authorize(Roles = Roles.Admin + "," + Roles.RegionalCoordinator)]
public class InviteModel(AppDbContext db, CurrentUser current, UserManager<AppUser> users, OutboxSender outbox,
    TimeProvider time, ILogger<InviteModel> logger) : PageModel
{
    [BindProperty] public InviteForm Input { get; set; } = new();
    public RoleOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!RoleChoice.CanInvite(current.Scope)) return Forbid();
        Options = await RoleChoice.OptionsAsync(db, current.Scope);
        if (Options.Roles.Count == 2) Input.Role = Roles.LibraryStaff;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = current.Scope;
        if (!RoleChoice.CanInvite(scope)) return Forbid();

        var email = PersonValidation.NormaliseEmail(Input.Email);
        if (email is null) ModelState.AddModelError("Input.Email", "Ange e-postadressen till den du bjuder in.");
        else if (!LibraryValidation.IsEmail(email)) ModelState.AddModelError("Input.Email", "E-postadressen ska se ut som namn@exempel.se.");
        else if (PersonValidation.ContainsPersonalIdentityNumber(email)) ModelState.AddModelError("Input.Email", PersonValidation.PersonalIdentityNumberMessage);
        else if (await users.FindByEmailAsync(email) is not null) ModelState.AddModelError("Input.Email", $"Det finns redan ett konto med e-postadressen {email}.");

        var name = LibraryValidation.Clean(Input.DisplayName);
        if (name is null) ModelState.AddModelError("Input.DisplayName", "Ange namnet på den du bjuder in.");
        else if (name.Length > 200) ModelState.AddModelError("Input.DisplayName", "Namnet får vara högst 200 tecken.");
        else if (PersonValidation.ContainsPersonalIdentityNumber(name)) ModelState.AddModelError("Input.DisplayName", PersonValidation.PersonalIdentityNumberMessage);

        var (target, errors) = await RoleChoice.ValidateAsync(db, scope, Input);
        foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);

        if (!ModelState.IsValid || target is null)
        {
            Options = await RoleChoice.OptionsAsync(db, scope);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var now = time.GetUtcNow();
        var token = InvitationTokens.Create();
        var invitation = new Invitation
        {
            Email = email!, DisplayName = name!, Role = target.Role, CountyCode = target.CountyCode,
            MunicipalityCode = target.MunicipalityCode, LibraryId = target.LibraryId,
            TokenHash = InvitationTokens.Hash(token), CreatedBy = scope.UserId,
            CreatedAt = now, ExpiresAt = now + InvitationTokens.Lifetime,
        };
        db.Invitations.Add(invitation);
        var inviter = User.FindFirst("name")?.Value ?? scope.Email ?? "En administratör";
        var role = await DescribeAsync(target);
        Outbox.Enqueue(db, invitation.Email, "Inbjudan till Samverka", $"""
            Hej {invitation.DisplayName}!

            {inviter} har bjudit in dig till Samverka som {role}.

            Skapa ditt konto genom att välja ett lösenord:
            {LinkBase()}/konto/inbjudan/{token}

            Länken fungerar en gång och gäller till {InvitationTokens.SwedishTime(invitation.ExpiresAt)}.
            Om du inte väntade dig inbjudan kan du bortse från det här meddelandet.
            """, now);
        // The invitation and its e-mail are committed together: neither exists without the other.
        await db.SaveChangesAsync();
        outbox.Wake();
        logger.LogInformation("User {UserId} invited {InvitationId} as {Role}", scope.UserId, invitation.Id, target.Role);
        TempData["Notice"] = $"En inbjudan har skickats till {invitation.Email}.";
        return Redirect("/admin/konton");
    }

    /// <summary>The link's host: <see cref="PublicUrl.Base"/> (configured in production, so a forged Host header cannot redirect it).</summary>
    private string LinkBase() => PublicUrl.Base(Request);

    private async Task<string> DescribeAsync(RoleTarget t)
    {
        var org = t switch
        {
            { CountyCode: { } c } => "i " + await db.Counties.Where(x => x.Code == c).Select(x => x.Name).SingleAsync(),
            { MunicipalityCode: { } m } => "i " + await db.Municipalities.Where(x => x.Code == m).Select(x => x.Name).SingleAsync(),
            { LibraryId: { } l } => "vid " + await db.Libraries.Where(x => x.Id == l).Select(x => x.Name).SingleAsync(),
            _ => null,
        };
        var label = Roles.Labels[t.Role].ToLower(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));
        return org is null ? label : $"{label} {org}";
    }
}
