using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Accounts;

/// <summary>Adds the user's name and role assignments (with their scopes) to the sign-in cookie.</summary>
public class AppClaimsPrincipalFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    public const string ScopeClaim = "samverka:scope";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        var assignments = await db.RoleAssignments.Where(r => r.UserId == user.Id).ToListAsync();
        foreach (var a in assignments)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, a.Role));
            identity.AddClaim(new Claim(ScopeClaim, $"{a.Role}:{a.CountyCode ?? a.MunicipalityCode ?? a.LibraryId?.ToString() ?? "*"}"));
        }
        return identity;
    }
}
