using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Accounts;

namespace Samverka.Web.Features.Administration.Accounts;

/// <summary>
/// One account: its roles, deactivation (administrators; regional coordinators for accounts whose every
/// role lies in their region) and adding or removing roles (administrators only).
/// </summary>
[Authorize(Roles = Roles.Admin + "," + Roles.RegionalCoordinator)]
public class DetailsModel(AppDbContext db, CurrentUser current, UserManager<AppUser> users, ILogger<DetailsModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public RoleChoiceForm Input { get; set; } = new();
    [BindProperty] public int AssignmentId { get; set; }

    public AccountRow Account { get; private set; } = null!;
    public RoleOptions? Options { get; private set; }
    public bool CanSetActive { get; private set; }
    public bool CanChangeRoles { get; private set; }
    public bool IsSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostDeactivateAsync() => await SetActiveAsync(false);

    public async Task<IActionResult> OnPostActivateAsync() => await SetActiveAsync(true);

    public async Task<IActionResult> OnPostAddRoleAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CanChangeRoles) return Forbid();
        var (target, errors) = await RoleChoice.ValidateAsync(db, current.Scope, Input);
        foreach (var (field, message) in errors) ModelState.AddModelError($"Input.{field}", message);
        if (target is not null && await db.RoleAssignments.AnyAsync(r => r.UserId == Id && r.Role == target.Role
                && r.CountyCode == target.CountyCode && r.MunicipalityCode == target.MunicipalityCode && r.LibraryId == target.LibraryId))
            ModelState.AddModelError("Input.Role", "Kontot har redan den rollen.");
        if (!ModelState.IsValid || target is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.RoleAssignments.Add(new RoleAssignment
        {
            UserId = Id, Role = target.Role, CountyCode = target.CountyCode,
            MunicipalityCode = target.MunicipalityCode, LibraryId = target.LibraryId,
        });
        await db.SaveChangesAsync();
        logger.LogInformation("User {UserId} gave {Account} the role {Role}", current.Scope.UserId, Id, target.Role);
        TempData["Notice"] = "Rollen har lagts till. Den gäller från nästa inloggning eller inom en minut.";
        return Redirect($"/admin/konton/{Id}");
    }

    public async Task<IActionResult> OnPostRemoveRoleAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (!CanChangeRoles) return Forbid();
        var assignment = await db.RoleAssignments.SingleOrDefaultAsync(r => r.Id == AssignmentId && r.UserId == Id);
        if (assignment is null) return NotFound();
        if (IsSelf && assignment.Role == Roles.Admin)
        {
            ModelState.AddModelError("", "Du kan inte ta bort din egen administratörsroll. Be en annan administratör.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        db.RoleAssignments.Remove(assignment);
        // A new security stamp saves the removal and ends the account's sessions, which still carry the role.
        var user = await users.FindByIdAsync(Id);
        await users.UpdateSecurityStampAsync(user!);
        logger.LogInformation("User {UserId} removed the role {Role} from {Account}", current.Scope.UserId, assignment.Role, Id);
        TempData["Notice"] = "Rollen har tagits bort.";
        return Redirect($"/admin/konton/{Id}");
    }

    private async Task<IActionResult> SetActiveAsync(bool active)
    {
        if (!await LoadAsync()) return NotFound();
        if (!CanSetActive) return Forbid();
        var user = await users.FindByIdAsync(Id);
        user!.IsActive = active;
        // Changing the stamp (saved together with IsActive) ends the account's other sessions.
        await users.UpdateSecurityStampAsync(user);
        logger.LogInformation("User {UserId} {Action} account {Account}", current.Scope.UserId, active ? "activated" : "deactivated", Id);
        TempData["Notice"] = active ? $"{user.DisplayName}s konto är aktiverat igen." : $"{user.DisplayName}s konto är avaktiverat. Pågående inloggningar avslutas.";
        return Redirect($"/admin/konton/{Id}");
    }

    /// <summary>Loads the account if the user may see it; decides what they may do with it.</summary>
    private async Task<bool> LoadAsync()
    {
        var scope = current.Scope;
        if (!AccountQueries.CanSeeAccounts(scope)) return false;
        var rows = await AccountQueries.RowsAsync(db, AccountQueries.VisibleUsers(db, scope).Where(u => u.Id == Id));
        if (rows.Count == 0) return false;
        Account = rows[0];
        IsSelf = Id == scope.UserId;
        CanChangeRoles = scope.IsAdmin;
        // A regional coordinator may switch an account off only when all of it is theirs to manage:
        // someone who is also a manager elsewhere or an administrator is not.
        CanSetActive = !IsSelf && (scope.IsAdmin || (Account.Roles.Count > 0 && Account.Roles.All(r =>
            r.Role is Roles.LibraryManager or Roles.LibraryStaff && r.CountyCode is not null && scope.Counties.Contains(r.CountyCode))));
        if (CanChangeRoles) Options = await RoleChoice.OptionsAsync(db, scope);
        return true;
    }
}
