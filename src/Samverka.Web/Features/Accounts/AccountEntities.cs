using Microsoft.AspNetCore.Identity;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Accounts;

/// <summary>
/// An invitation to create an account with one role assignment. Only the SHA-256 of the token is
/// kept: the link itself exists only in the e-mail, so a copy of the database cannot be used to accept.
/// </summary>
public class Invitation
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public required string Role { get; set; }
    public string? CountyCode { get; set; }
    public string? MunicipalityCode { get; set; }
    public int? LibraryId { get; set; }
    public required string TokenHash { get; set; }
    /// <summary>The inviting user; null once that account has been removed.</summary>
    public string? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
}

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public bool IsActive { get; set; } = true;
    public List<RoleAssignment> RoleAssignments { get; set; } = [];
}

/// <summary>
/// A role held within one organisation. A user may hold several; the scope column that
/// applies depends on the role (region → county, manager → municipality, staff → library).
/// </summary>
public class RoleAssignment
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Role { get; set; }
    public string? CountyCode { get; set; }
    public County? County { get; set; }
    public string? MunicipalityCode { get; set; }
    public Municipality? Municipality { get; set; }
    public int? LibraryId { get; set; }
    public Library? Library { get; set; }
}
