using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>Removing an area's outcome text for a year; a year without an outcome has nothing to remove (404).</summary>
public class OutcomeDeleteModel(AppDbContext db, CurrentUser user) : PlanDeletePageModel<AreaOutcome>(db, user)
{
    [FromRoute] public int AreaId { get; set; }
    [FromRoute] public int Year { get; set; }

    protected override async Task<(AreaOutcome Row, ActivityPlan Plan)?> LoadAsync()
    {
        var outcome = await Db.AreaOutcomes.Include(o => o.Area).ThenInclude(a => a!.Plan)
            .FirstOrDefaultAsync(o => o.AreaId == AreaId && o.Year == Year && o.Area!.PlanId == Id);
        return outcome is null ? null : (outcome, outcome.Area!.Plan!);
    }

    protected override Task<DeleteConfirmation> ConfirmAsync(AreaOutcome o, ActivityPlan plan) =>
        Task.FromResult(new DeleteConfirmation(Id, plan.Title, $"Ta bort utfallet för {Year}: {o.Area!.Name}", "Ta bort utfallet",
            [$"Verksamhetsberättelsen för {Year} visar då inget utfall för {o.Area.Name}. Siffrorna i Samverka påverkas inte."],
            $"/verksamhetsplaner/{Id}/omraden/{AreaId}/utfall/{Year}"));

    protected override Task<(string Notice, string Url)> RemoveAsync(AreaOutcome outcome)
    {
        Db.AreaOutcomes.Remove(outcome);
        return Task.FromResult(($"Utfallet för {outcome.Area!.Name} {Year} har tagits bort.", $"/verksamhetsplaner/{Id}#area-{AreaId}"));
    }
}
