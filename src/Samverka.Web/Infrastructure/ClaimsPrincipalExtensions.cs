using System.Security.Claims;
using Samverka.Web.Data;

namespace Samverka.Web.Infrastructure;

public static class ClaimsPrincipalExtensions
{
    /// <summary>Mirrors the DirectoryEditor policy, for deciding what links and buttons to show.</summary>
    public static bool CanEditDirectory(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.RegionalCoordinator) || user.IsInRole(Roles.LibraryManager);
}
