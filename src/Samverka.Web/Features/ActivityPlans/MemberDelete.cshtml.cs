using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using static Samverka.Web.Features.ActivityPlans.DeleteConfirmation;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// Removing a member of the regional team with their employment periods and areas. Their actions stay, without a
/// responsible person: changed here (not left to the database's SET NULL) so the audit log shows which ones lost
/// theirs. The directory person, if linked, is not touched.
/// </summary>
public class MemberDeleteModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PlanDeletePageModel<TeamMember>(db, user)
{
    [FromRoute] public int MemberId { get; set; }

    protected override async Task<(TeamMember Row, ActivityPlan Plan)?> LoadAsync()
    {
        var member = await Db.TeamMembers.AsSplitQuery().Include(m => m.Plan).Include(m => m.Periods).Include(m => m.Areas)
            .FirstOrDefaultAsync(m => m.Id == MemberId && m.PlanId == Id);
        return member is null ? null : (member, member.Plan!);
    }

    protected override async Task<DeleteConfirmation> ConfirmAsync(TeamMember m, ActivityPlan plan)
    {
        var actions = await ActionsAsync();
        var consequences = new List<string>
        {
            actions.Count == 0 ? $"{m.Name} är inte ansvarig för någon aktivitet."
                : $"{Count(actions.Count, "aktivitet", "aktiviteter")} står utan ansvarig: {string.Join(", ", actions.Select(a => $"”{a.Text}”"))}.",
        };
        if (m.Periods.Count > 0) consequences.Add($"{Count(m.Periods.Count, "period", "perioder")} med tjänstgöringsgrad tas också bort, och kapaciteten per område räknas om.");
        if (m.PersonId is not null) consequences.Add("Personen finns kvar i katalogen.");
        return new DeleteConfirmation(Id, plan.Title, $"Ta bort {m.Name} ur teamet", "Ta bort ur teamet", consequences, $"/verksamhetsplaner/{Id}/personal/{MemberId}");
    }

    protected override async Task<(string Notice, string Url)> RemoveAsync(TeamMember member)
    {
        var now = clock.GetUtcNow();
        foreach (var a in await ActionsAsync())
        {
            a.ResponsibleId = null;
            a.UpdatedAt = now;
        }
        Db.TeamMembers.Remove(member);
        return ($"{member.Name} har tagits bort ur teamet.", $"/verksamhetsplaner/{Id}#personal");
    }

    /// <summary>The member's actions, tracked, in the plan's order.</summary>
    private Task<List<PlannedAction>> ActionsAsync() =>
        Db.PlannedActions.Where(a => a.ResponsibleId == MemberId).OrderBy(a => a.Area!.SortOrder).ThenBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync();
}
