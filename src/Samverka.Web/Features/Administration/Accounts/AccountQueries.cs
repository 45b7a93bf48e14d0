using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Accounts;

namespace Samverka.Web.Features.Administration.Accounts;

public record RoleRow(int Id, string Role, string Description, string? CountyCode);

public record AccountRow(string Id, string DisplayName, string? Email, bool IsActive, bool TwoFactor, IReadOnlyList<RoleRow> Roles);

/// <summary>
/// Which accounts and invitations a user may see on the account pages: administrators all; a
/// regional coordinator those with a role (or invited to one) in their counties. The list and the
/// account page both filter through here, so they cannot disagree.
/// </summary>
public static class AccountQueries
{
    public static bool CanSeeAccounts(UserScope s) => s.IsAdmin || s.IsSystem || s.Counties.Count > 0;

    public static IQueryable<AppUser> VisibleUsers(AppDbContext db, UserScope s)
    {
        if (s.IsAdmin || s.IsSystem) return db.Users;
        var counties = s.Counties.ToArray();
        return db.Users.Where(u => db.RoleAssignments.Any(r => r.UserId == u.Id && (
            counties.Contains(r.CountyCode!)
            || counties.Contains(r.Municipality!.CountyCode)
            || counties.Contains(r.Library!.Municipality!.CountyCode))));
    }

    /// <summary>The account list's filters: "last" (locked out now) and "utan-tvasteg" (active, no two-factor).</summary>
    public static IQueryable<AppUser> Filter(IQueryable<AppUser> users, string? filter, DateTimeOffset now) => filter switch
    {
        "last" => users.Where(u => u.LockoutEnd != null && u.LockoutEnd > now),
        "utan-tvasteg" => users.Where(u => u.IsActive && !u.TwoFactorEnabled),
        _ => users,
    };

    public static readonly IReadOnlyDictionary<string, string> FilterLabels = new Dictionary<string, string>
    {
        ["last"] = "Låsta konton",
        ["utan-tvasteg"] = "Aktiva utan tvåstegsverifiering",
    };

    public static IQueryable<Invitation> VisibleInvitations(AppDbContext db, UserScope s)
    {
        if (s.IsAdmin || s.IsSystem) return db.Invitations;
        var counties = s.Counties.ToArray();
        return db.Invitations.Where(i =>
            counties.Contains(i.CountyCode!)
            || db.Municipalities.Any(m => m.Code == i.MunicipalityCode && counties.Contains(m.CountyCode))
            || db.Libraries.Any(l => l.Id == i.LibraryId && counties.Contains(l.Municipality!.CountyCode)));
    }

    public static async Task<List<AccountRow>> RowsAsync(AppDbContext db, IQueryable<AppUser> users)
    {
        var list = await users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive, u.TwoFactorEnabled })
            .ToListAsync();
        var ids = list.Select(u => u.Id).ToArray();
        var roles = await db.RoleAssignments.AsNoTracking().Where(r => ids.Contains(r.UserId))
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.UserId, r.Role,
                County = r.County!.Name,
                Municipality = r.Municipality!.Name,
                Library = r.Library!.Name,
                CountyCode = r.CountyCode ?? r.Municipality!.CountyCode ?? r.Library!.Municipality!.CountyCode,
            })
            .ToListAsync();
        var byUser = roles.ToLookup(r => r.UserId, r => new RoleRow(r.Id, r.Role,
            RoleChoice.Describe(r.Role, r.County, r.Municipality, r.Library), r.CountyCode));
        return list.Select(u => new AccountRow(u.Id, u.DisplayName, u.Email, u.IsActive, u.TwoFactorEnabled, byUser[u.Id].ToList())).ToList();
    }
}
