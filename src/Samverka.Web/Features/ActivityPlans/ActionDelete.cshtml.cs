using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using static Samverka.Web.Features.ActivityPlans.DeleteConfirmation;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>Removing a planned action with its links; what the links point at (activities, programmes, agreements, rounds) stays.</summary>
public class ActionDeleteModel(AppDbContext db, CurrentUser user) : PlanDeletePageModel<PlannedAction>(db, user)
{
    [FromRoute] public int ActionId { get; set; }

    protected override async Task<(PlannedAction Row, ActivityPlan Plan)?> LoadAsync()
    {
        var action = await Db.PlannedActions.Include(a => a.Links).Include(a => a.Area).ThenInclude(x => x!.Plan)
            .FirstOrDefaultAsync(a => a.Id == ActionId && a.Area!.PlanId == Id);
        return action is null ? null : (action, action.Area!.Plan!);
    }

    protected override Task<DeleteConfirmation> ConfirmAsync(PlannedAction a, ActivityPlan plan)
    {
        string[] consequences = a.Links.Count == 0 ? []
            : [$"Aktivitetens {Count(a.Links.Count, "koppling", "kopplingar")} till det som genomför den tas också bort. Det som kopplingarna pekar på finns kvar."];
        return Task.FromResult(new DeleteConfirmation(Id, plan.Title, $"Ta bort aktiviteten ”{a.Text}”", "Ta bort aktiviteten", consequences, $"/verksamhetsplaner/{Id}/aktiviteter/{ActionId}"));
    }

    protected override Task<(string Notice, string Url)> RemoveAsync(PlannedAction action)
    {
        Db.PlannedActions.Remove(action);
        return Task.FromResult(($"Aktiviteten ”{action.Text}” har tagits bort.", $"/verksamhetsplaner/{Id}#area-{action.AreaId}"));
    }
}
