using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Needs;

/// <summary>
/// What answers a need: activities, programme offerings, cooperation agreements and planned actions of an
/// activity plan, each with whether its outcome met the need. Shared by the need page and the needs API.
/// A choice is posted as "kind:id", so one list can hold all four kinds without their ids colliding.
/// </summary>
public static class NeedAnswers
{
    public record Answer(string Kind, string KindLabel, int Id, string Title, string Link, bool? Met);
    public record Choice(string Value, string Group, string Label);

    public const string Activity = "activity", Offering = "offering", Agreement = "agreement", PlanAction = "action";

    /// <summary>Every answer of the given needs, by need id.</summary>
    public static async Task<Dictionary<int, List<Answer>>> ForNeedsAsync(AppDbContext db, IReadOnlyCollection<int> needIds, CancellationToken ct = default)
    {
        var ids = needIds.ToArray();
        var rows = new List<(int NeedId, Answer Answer)>();
        rows.AddRange((await db.NeedActivities.AsNoTracking().Where(x => ids.Contains(x.NeedId))
            .Select(x => new { x.NeedId, x.ActivityId, x.Activity!.Title, x.Met }).ToListAsync(ct))
            .Select(x => (x.NeedId, new Answer(Activity, "Aktivitet", x.ActivityId, x.Title, $"/aktiviteter/{x.ActivityId}", x.Met))));
        rows.AddRange((await db.NeedOfferings.AsNoTracking().Where(x => ids.Contains(x.NeedId))
            .Select(x => new { x.NeedId, x.OfferingId, x.Offering!.ProgrammeId, Title = x.Offering.Programme!.Name + ": " + x.Offering.Name, x.Met }).ToListAsync(ct))
            .Select(x => (x.NeedId, new Answer(Offering, "Erbjudande", x.OfferingId, x.Title, $"/program/{x.ProgrammeId}/erbjudanden/{x.OfferingId}", x.Met))));
        rows.AddRange((await db.NeedAgreements.AsNoTracking().Where(x => ids.Contains(x.NeedId))
            .Select(x => new { x.NeedId, x.AgreementId, x.Agreement!.Title, x.Met }).ToListAsync(ct))
            .Select(x => (x.NeedId, new Answer(Agreement, "Överenskommelse", x.AgreementId, x.Title, $"/overenskommelser/{x.AgreementId}", x.Met))));
        rows.AddRange((await db.NeedPlanActions.AsNoTracking().Where(x => ids.Contains(x.NeedId))
            .Select(x => new { x.NeedId, x.PlannedActionId, x.PlannedAction!.Area!.PlanId, x.PlannedAction.Text, x.Met }).ToListAsync(ct))
            .Select(x => (x.NeedId, new Answer(PlanAction, "Åtgärd i verksamhetsplan", x.PlannedActionId, x.Text,
                $"/verksamhetsplaner/{x.PlanId}/aktiviteter/{x.PlannedActionId}", x.Met))));
        return rows.GroupBy(r => r.NeedId).ToDictionary(g => g.Key, g => g.Select(r => r.Answer).ToList());
    }

    /// <summary>What may be linked to a need of <paramref name="countyCode"/> (null: a need without a region, anything).</summary>
    public static async Task<List<Choice>> ChoicesAsync(AppDbContext db, string? countyCode, CancellationToken ct = default)
    {
        var choices = new List<Choice>();
        choices.AddRange((await db.Activities.AsNoTracking().Where(a => countyCode == null || a.CountyCode == countyCode)
            .OrderBy(a => a.Title).Select(a => new { a.Id, a.Title }).ToListAsync(ct))
            .Select(a => new Choice($"{Activity}:{a.Id}", "Aktiviteter", a.Title)));
        choices.AddRange((await db.Offerings.AsNoTracking().OrderBy(o => o.Programme!.Name).ThenBy(o => o.SortOrder)
            .Select(o => new { o.Id, Label = o.Programme!.Name + ": " + o.Name }).ToListAsync(ct))
            .Select(o => new Choice($"{Offering}:{o.Id}", "Erbjudanden i satsningar", o.Label)));
        choices.AddRange((await db.Agreements.AsNoTracking().Where(a => countyCode == null || a.CountyCode == countyCode)
            .OrderBy(a => a.Title).Select(a => new { a.Id, a.Title }).ToListAsync(ct))
            .Select(a => new Choice($"{Agreement}:{a.Id}", "Överenskommelser", a.Title)));
        choices.AddRange((await db.PlannedActions.AsNoTracking().Where(x => countyCode == null || x.Area!.Plan!.CountyCode == countyCode)
            .OrderBy(x => x.Area!.Plan!.Title).ThenBy(x => x.Area!.SortOrder).ThenBy(x => x.SortOrder)
            .Select(x => new { x.Id, Label = x.Area!.Plan!.Title + ": " + x.Text }).ToListAsync(ct))
            .Select(x => new Choice($"{PlanAction}:{x.Id}", "Åtgärder i verksamhetsplaner", x.Label)));
        return choices;
    }

    /// <summary>Links (or updates) one answer; <paramref name="value"/> must be one of <paramref name="choices"/>.</summary>
    /// <returns>False when the value is not among the choices: nothing is changed.</returns>
    public static async Task<bool> LinkAsync(AppDbContext db, int needId, string? value, bool? met, IReadOnlyList<Choice> choices, CancellationToken ct = default)
    {
        if (value is null || !choices.Any(c => c.Value == value)) return false;
        var parts = value.Split(':');
        var id = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        switch (parts[0])
        {
            case Activity:
                var a = await db.NeedActivities.FirstOrDefaultAsync(x => x.NeedId == needId && x.ActivityId == id, ct);
                if (a is null) db.NeedActivities.Add(new NeedActivity { NeedId = needId, ActivityId = id, Met = met }); else a.Met = met;
                break;
            case Offering:
                var o = await db.NeedOfferings.FirstOrDefaultAsync(x => x.NeedId == needId && x.OfferingId == id, ct);
                if (o is null) db.NeedOfferings.Add(new NeedOffering { NeedId = needId, OfferingId = id, Met = met }); else o.Met = met;
                break;
            case Agreement:
                var g = await db.NeedAgreements.FirstOrDefaultAsync(x => x.NeedId == needId && x.AgreementId == id, ct);
                if (g is null) db.NeedAgreements.Add(new NeedAgreement { NeedId = needId, AgreementId = id, Met = met }); else g.Met = met;
                break;
            default:
                var p = await db.NeedPlanActions.FirstOrDefaultAsync(x => x.NeedId == needId && x.PlannedActionId == id, ct);
                if (p is null) db.NeedPlanActions.Add(new NeedPlanAction { NeedId = needId, PlannedActionId = id, Met = met }); else p.Met = met;
                break;
        }
        return true;
    }
}
