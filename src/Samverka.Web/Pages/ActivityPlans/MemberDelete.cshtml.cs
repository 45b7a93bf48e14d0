using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.ActivityPlans;
using static Samverka.Web.Pages.ActivityPlans.DeleteConfirmation;

namespace Samverka.Web.Pages.ActivityPlans;

/// <summary>
/// Removing a member of the regional team. Their actions stay, without a responsible person: the actions are
/// loaded and changed here (not left to the database's SET NULL) so the audit log shows which ones lost theirs.
/// The directory person, if linked, is not touched.
/// </summary>
[Authorize]
public class MemberDeleteModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int MemberId { get; set; }
    public DeleteConfirmation Confirmation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var (member, refused) = await LoadAsync();
        if (refused is not null) return refused;
        var m = member!;
        var actions = await ActionsAsync();
        var consequences = new List<string>
        {
            actions.Count == 0 ? $"{m.Name} är inte ansvarig för någon aktivitet." : $"{Count(actions.Count, "aktivitet", "aktiviteter")} står utan ansvarig: {string.Join(", ", actions.Select(a => $"”{a.Text}”"))}.",
        };
        if (m.Periods.Count > 0) consequences.Add($"{Count(m.Periods.Count, "period", "perioder")} med tjänstgöringsgrad tas också bort, och kapaciteten per område räknas om.");
        if (m.PersonId is not null) consequences.Add("Personen finns kvar i katalogen.");
        Confirmation = new(Id, m.Plan!.Title, $"Ta bort {m.Name} ur teamet", "Ta bort ur teamet", consequences, $"/verksamhetsplaner/{Id}/personal/{MemberId}");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (member, refused) = await LoadAsync();
        if (refused is not null) return refused;
        var now = clock.GetUtcNow();
        foreach (var a in await ActionsAsync())
        {
            a.ResponsibleId = null;
            a.UpdatedAt = now;
        }
        db.TeamMembers.Remove(member!);
        await db.SaveChangesAsync();
        TempData["Notice"] = $"{member!.Name} har tagits bort ur teamet.";
        return Redirect($"/verksamhetsplaner/{Id}#personal");
    }

    /// <summary>The member's actions, tracked, in the plan's order.</summary>
    private Task<List<PlannedAction>> ActionsAsync() =>
        db.PlannedActions.Where(a => a.ResponsibleId == MemberId).OrderBy(a => a.Area!.SortOrder).ThenBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync();

    private async Task<(TeamMember? Member, IActionResult? Refused)> LoadAsync()
    {
        var member = await db.TeamMembers.AsSplitQuery().Include(m => m.Plan).Include(m => m.Periods).Include(m => m.Areas)
            .FirstOrDefaultAsync(m => m.Id == MemberId && m.PlanId == Id);
        if (member is null) return (null, NotFound());
        if (!ActivityPlanAccess.CanEdit(user.Scope, member.Plan!.CountyCode)) return (null, Forbid());
        return (member, null);
    }
}
