using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using static Samverka.Web.Features.ActivityPlans.DeleteConfirmation;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>Removing a development area with its actions (and their links), outcomes, sub-goals, partners, sharing and responsibilities.</summary>
public class AreaDeleteModel(AppDbContext db, CurrentUser user) : PlanDeletePageModel<DevelopmentArea>(db, user)
{
    [FromRoute] public int AreaId { get; set; }

    protected override async Task<(DevelopmentArea Row, ActivityPlan Plan)?> LoadAsync()
    {
        var area = await Db.DevelopmentAreas.AsSplitQuery().Include(a => a.Plan)
            .Include(a => a.Partners).Include(a => a.SubGoals).Include(a => a.Outcomes).Include(a => a.SharedWith).Include(a => a.Responsible)
            .Include(a => a.Actions).ThenInclude(x => x.Links)
            .FirstOrDefaultAsync(a => a.Id == AreaId && a.PlanId == Id);
        return area is null ? null : (area, area.Plan!);
    }

    protected override Task<DeleteConfirmation> ConfirmAsync(DevelopmentArea a, ActivityPlan plan)
    {
        var parts = new List<string>();
        if (a.Actions.Count > 0) parts.Add(Count(a.Actions.Count, "aktivitet", "aktiviteter"));
        if (a.Outcomes.Count > 0) parts.Add(Count(a.Outcomes.Count, "utfall", "utfall"));
        if (a.SubGoals.Count > 0) parts.Add(Count(a.SubGoals.Count, "delmål", "delmål"));
        if (a.Partners.Count > 0) parts.Add(Count(a.Partners.Count, "samverkanspart", "samverkansparter"));
        var consequences = new List<string>
        {
            parts.Count == 0 ? "Området har inga aktiviteter, utfall, delmål eller samverkansparter." : $"Området har {List(parts)} som också tas bort.",
        };
        if (a.Responsible.Count > 0)
            consequences.Add($"{Count(a.Responsible.Count, "person", "personer")} i teamet står inte längre som {(a.Responsible.Count == 1 ? "ansvarig" : "ansvariga")} för området men finns kvar i teamet.");
        if (a.SharedWith.Count > 0) consequences.Add("Området delas inte längre med andra regioner.");
        return Task.FromResult(new DeleteConfirmation(Id, plan.Title, $"Ta bort utvecklingsområdet {a.Name}", "Ta bort området", consequences, $"/verksamhetsplaner/{Id}/omraden/{AreaId}"));
    }

    protected override Task<(string Notice, string Url)> RemoveAsync(DevelopmentArea area)
    {
        Db.DevelopmentAreas.Remove(area);
        return Task.FromResult(($"Utvecklingsområdet {area.Name} har tagits bort.", $"/verksamhetsplaner/{Id}"));
    }
}
