using System.Security.Claims;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// What the current user may reach, derived from their role assignments (the scope claims written
/// by <see cref="AppClaimsPrincipalFactory"/>). A user can hold several roles in several
/// organisations; each adds to the scope. Authorisation checks and query filters both read this,
/// so the two layers cannot disagree.
/// </summary>
public sealed record UserScope(
    string? UserId,
    string? Email,
    bool IsAdmin,
    bool IsNational,
    IReadOnlySet<string> Counties,
    IReadOnlySet<string> Municipalities,
    IReadOnlySet<int> Libraries,
    bool IsSystem = false)
{
    public static readonly UserScope Anonymous = new(null, null, false, false, new HashSet<string>(), new HashSet<string>(), new HashSet<int>());

    /// <summary>Start-up, migrations and background work: not a person, not limited.</summary>
    public static readonly UserScope System = Anonymous with { IsSystem = true };

    public bool IsSignedIn => UserId is not null;

    /// <summary>Administrators and the national coordinator read every region.</summary>
    public bool ReadsEverything => IsSystem || IsAdmin || IsNational;

    public static UserScope From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Anonymous;
        var counties = new HashSet<string>();
        var municipalities = new HashSet<string>();
        var libraries = new HashSet<int>();
        bool admin = false, national = false;
        foreach (var claim in user.FindAll(AppClaimsPrincipalFactory.ScopeClaim))
        {
            var (role, value) = (claim.Value.Split(':', 2)[0], claim.Value.Split(':', 2).ElementAtOrDefault(1) ?? "*");
            switch (role)
            {
                case Roles.Admin: admin = true; break;
                case Roles.NationalCoordinator: national = true; break;
                case Roles.RegionalCoordinator: counties.Add(value); break;
                case Roles.LibraryManager: municipalities.Add(value); break;
                case Roles.LibraryStaff when int.TryParse(value, out var id): libraries.Add(id); break;
            }
        }
        return new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name,
            admin, national, counties, municipalities, libraries);
    }
}

/// <summary>The scope of the request being handled; <see cref="UserScope.System"/> outside a request.</summary>
public class CurrentUser(IHttpContextAccessor http)
{
    private UserScope? _scope;
    public UserScope Scope => _scope ??= http.HttpContext is { } ctx ? UserScope.From(ctx.User) : UserScope.System;

    /// <summary>
    /// Background work done on a person's behalf (the weekly digest) sees what that person would see: the
    /// scope's query filters apply to every context of this DI scope from now on.
    /// </summary>
    public void ActAs(UserScope scope) => _scope = scope;
}
