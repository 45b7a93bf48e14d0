using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Accounts;

namespace Samverka.Web.Features.Directory.People;

/// <summary>
/// The right to erasure (GDPR art. 17), for administrators. The person's row is kept, without name,
/// e-mail or title and deactivated, so that counts per library and municipality still add up; a
/// linked account (same e-mail) is scrubbed, locked and loses its roles. Cannot be undone.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public class RemovePersonalDataModel(AppDbContext db, AuditLog audit) : PageModel
{
    [FromRoute] public int Id { get; set; }
    /// <summary>The confirmation checkbox: a deliberate second step, without JavaScript.</summary>
    [BindProperty] public bool Confirm { get; set; }
    public Person Person { get; private set; } = null!;
    public bool HasAccount { get; private set; }
    public bool AlreadyRemoved { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (AlreadyRemoved)
        {
            TempData["Notice"] = "Personuppgifterna är redan borttagna.";
            return Redirect($"/personer/{Id}");
        }
        if (!Confirm)
        {
            ModelState.AddModelError(nameof(Confirm), "Kryssa i rutan för att bekräfta att personuppgifterna ska tas bort.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Written with set-based statements and an audit row of our own, in one transaction: the audit
        // interceptor would copy the old name and e-mail into the trail as "before" values.
        var email = Person.Email.ToLowerInvariant();
        var removedEmail = PersonalDataRemoval.RemovedEmail(Id);
        var now = DateTimeOffset.UtcNow;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant());
        var records = new List<AuditRecord>
        {
            new(AuditLog.Actions.Update, $"Personuppgifterna för person #{Id} togs bort", nameof(Person), Id.ToString(CultureInfo.InvariantCulture),
                LibraryId: Person.LibraryId, ChangesJson: Redacted(("Name", PersonalDataRemoval.RemovedName), ("Email", removedEmail), ("RoleTitle", null), ("IsActive", false))),
        };
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.People.Where(p => p.Id == Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Name, PersonalDataRemoval.RemovedName)
            .SetProperty(p => p.Email, removedEmail)
            .SetProperty(p => p.RoleTitle, (string?)null)
            .SetProperty(p => p.IsActive, false)
            .SetProperty(p => p.UpdatedAt, now));
        if (user is not null)
        {
            var stamp = Guid.NewGuid().ToString();
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.DisplayName, PersonalDataRemoval.RemovedAccountName)
                .SetProperty(u => u.Email, removedEmail)
                .SetProperty(u => u.UserName, removedEmail)
                .SetProperty(u => u.NormalizedEmail, removedEmail.ToUpperInvariant())
                .SetProperty(u => u.NormalizedUserName, removedEmail.ToUpperInvariant())
                .SetProperty(u => u.PhoneNumber, (string?)null)
                .SetProperty(u => u.PasswordHash, (string?)null)
                .SetProperty(u => u.TwoFactorEnabled, false)
                .SetProperty(u => u.IsActive, false)
                .SetProperty(u => u.LockoutEnabled, true)
                .SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue)
                // A new stamp ends the account's sessions once their cookies are next validated.
                .SetProperty(u => u.SecurityStamp, stamp)
                .SetProperty(u => u.ConcurrencyStamp, stamp));
            var roles = await db.RoleAssignments.Where(r => r.UserId == user.Id).ExecuteDeleteAsync();
            await db.UserClaims.Where(c => c.UserId == user.Id).ExecuteDeleteAsync();
            await db.UserLogins.Where(l => l.UserId == user.Id).ExecuteDeleteAsync();
            await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(); // e.g. the authenticator key
            records.Add(new(AuditLog.Actions.Deactivate, $"Kontot för person #{Id} avslutades och personuppgifterna togs bort ({roles} roller borttagna)",
                nameof(AppUser), user.Id, ChangesJson: Redacted(("DisplayName", PersonalDataRemoval.RemovedAccountName), ("Email", removedEmail), ("Password", null), ("IsActive", false))));
        }
        // Invitations and e-mails to the address hold the name and address too. An unsent e-mail is not
        // sent any more: it would go nowhere, and its text is gone.
        await db.Invitations.Where(i => i.Email.ToLower() == email).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Email, removedEmail)
            .SetProperty(i => i.DisplayName, PersonalDataRemoval.RemovedAccountName)
            .SetProperty(i => i.ExpiresAt, i => i.ExpiresAt < now ? i.ExpiresAt : now));
        await db.OutboxMessages.Where(m => m.ToAddress.ToLower() == email).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ToAddress, removedEmail)
            .SetProperty(m => m.Subject, "(borttaget)")
            .SetProperty(m => m.BodyText, "(borttaget)")
            .SetProperty(m => m.Delivery, m => m.SentAt == null ? "borttagen" : m.Delivery)
            .SetProperty(m => m.SentAt, m => m.SentAt ?? now));
        await AuditLog.InsertAsync(db.Database.GetDbConnection(), tx.GetDbTransaction(), audit.Actor(db.Scope), records, sync: false, HttpContext.RequestAborted);
        await tx.CommitAsync();
        TempData["Notice"] = user is null
            ? "Personuppgifterna är borttagna. Posten finns kvar utan namn och e-post, så att statistiken stämmer."
            : "Personuppgifterna är borttagna och kontot är avslutat. Posten finns kvar utan namn och e-post, så att statistiken stämmer.";
        return Redirect($"/personer/{Id}");
    }

    /// <summary>Which fields changed and to what, with every "before" hidden: the trail must not keep what was removed.</summary>
    private static string Redacted(params (string Field, object? After)[] fields) => JsonSerializer.Serialize(
        fields.ToDictionary(f => f.Field, f => new Dictionary<string, object?> { ["before"] = "***", ["after"] = f.After }), AuditInterceptor.Json);

    private async Task<bool> LoadAsync()
    {
        var p = await db.People.AsNoTracking().Include(x => x.Library).FirstOrDefaultAsync(x => x.Id == Id);
        if (p is null) return false;
        Person = p;
        AlreadyRemoved = PersonalDataRemoval.IsRemoved(p);
        var normalised = p.Email.ToUpperInvariant();
        HasAccount = await db.Users.AnyAsync(u => u.NormalizedEmail == normalised);
        return true;
    }
}
