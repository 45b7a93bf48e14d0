using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Administration.Accounts;

[Authorize(Roles = Roles.Admin + "," + Roles.RegionalCoordinator)]
public class IndexModel(AppDbContext db, CurrentUser current, TimeProvider time) : PageModel
{
    public record InvitationRow(string Email, string DisplayName, string Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt);

    public List<AccountRow> Accounts { get; private set; } = [];
    public List<InvitationRow> Invitations { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Visa { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = current.Scope;
        if (!AccountQueries.CanSeeAccounts(scope)) return Forbid();
        Now = time.GetUtcNow();
        Accounts = await AccountQueries.RowsAsync(db, AccountQueries.Filter(AccountQueries.VisibleUsers(db, scope), Visa, Now));
        Invitations = await AccountQueries.VisibleInvitations(db, scope).AsNoTracking()
            .OrderByDescending(i => i.CreatedAt).Take(50)
            .Select(i => new InvitationRow(i.Email, i.DisplayName, i.Role, i.CreatedAt, i.ExpiresAt, i.AcceptedAt))
            .ToListAsync();
        return Page();
    }
}
