using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// A planned action as posted. Months are text (ÅÅÅÅ-MM) so a wrong value gets a Swedish message; links are the
/// programmes, activities, agreements and self-assessment rounds of the plan's region that the writer ticks.
/// </summary>
public class ActionForm
{
    public string? Text { get; set; }
    public string? ResponsibleId { get; set; }
    public string? Status { get; set; }
    public string? StatusReason { get; set; }
    public string? PlannedFrom { get; set; }
    public string? PlannedTo { get; set; }
    public List<int> Programmes { get; set; } = [];
    public List<int> Activities { get; set; } = [];
    public List<int> Agreements { get; set; } = [];
    public List<int> Rounds { get; set; } = [];

    public static ActionForm From(PlannedAction a) => new()
    {
        Text = a.Text,
        ResponsibleId = a.ResponsibleId?.ToString(CultureInfo.InvariantCulture),
        Status = a.Status.ToString(),
        StatusReason = a.StatusReason,
        PlannedFrom = a.PlannedFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PlannedTo = a.PlannedTo.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Programmes = a.Links.Where(l => l.ProgrammeId != null).Select(l => l.ProgrammeId!.Value).ToList(),
        Activities = a.Links.Where(l => l.ActivityId != null).Select(l => l.ActivityId!.Value).ToList(),
        Agreements = a.Links.Where(l => l.AgreementId != null).Select(l => l.AgreementId!.Value).ToList(),
        Rounds = a.Links.Where(l => l.RoundId != null).Select(l => l.RoundId!.Value).ToList(),
    };

    public sealed record Valid(string Text, int? ResponsibleId, PlannedActionStatus Status, string? Reason, DateOnly From, DateOnly To, List<int> Programmes, List<int> Activities,
        List<int> Agreements, List<int> Rounds);

    /// <summary>Checks everything against the plan (its team, period and region); errors keyed by field name below Input.</summary>
    public (Valid? Value, Dictionary<string, string> Errors) Validate(ActivityPlan plan, ActionChoices choices)
    {
        var errors = new Dictionary<string, string>();
        var text = Text?.Trim() ?? "";
        if (text.Length == 0) errors[nameof(Text)] = "Beskriv aktiviteten.";
        else if (text.Length > 1000) errors[nameof(Text)] = "Beskrivningen får vara högst 1 000 tecken.";

        int? responsible = null;
        if (!string.IsNullOrWhiteSpace(ResponsibleId))
        {
            if (int.TryParse(ResponsibleId, NumberStyles.None, CultureInfo.InvariantCulture, out var rid) && plan.Team.Any(t => t.Id == rid)) responsible = rid;
            else errors[nameof(ResponsibleId)] = "Välj en ansvarig ur regionens team.";
        }

        PlannedActionStatus? status = Enum.TryParse<PlannedActionStatus>(Status, out var st) && Enum.IsDefined(st) ? st : null;
        if (status is null) errors[nameof(Status)] = "Välj status.";
        var reason = string.IsNullOrWhiteSpace(StatusReason) ? null : StatusReason.Trim();
        if (status is PlannedActionStatus.Postponed or PlannedActionStatus.Cancelled && reason is null)
            errors[nameof(StatusReason)] = status == PlannedActionStatus.Postponed ? "Ange varför aktiviteten skjuts upp." : "Ange varför aktiviteten ställs in.";
        else if (reason?.Length > 1000) errors[nameof(StatusReason)] = "Skälet får vara högst 1 000 tecken.";

        var from = Month(PlannedFrom, nameof(PlannedFrom), "första månad", plan, errors);
        var to = Month(PlannedTo, nameof(PlannedTo), "sista månad", plan, errors);
        if (from is { } f && to is { } t && t < f) errors[nameof(PlannedTo)] = "Sista månaden kan inte vara före den första.";

        var programmes = Programmes.Distinct().ToList();
        if (programmes.Except(choices.Programmes.Select(p => p.Id)).Any()) errors[nameof(Programmes)] = "Välj bara program som omfattar regionen.";
        var activities = Activities.Distinct().ToList();
        if (activities.Except(choices.Activities.Select(a => a.Id)).Any()) errors[nameof(Activities)] = "Välj bara aktiviteter i regionens kalender under planens period.";

        var agreements = Agreements.Distinct().ToList();
        if (agreements.Except(choices.Agreements.Select(a => a.Id)).Any()) errors[nameof(Agreements)] = "Välj bara överenskommelser som regionen har under planens period.";
        var rounds = Rounds.Distinct().ToList();
        if (rounds.Except(choices.Rounds.Select(r => r.Id)).Any()) errors[nameof(Rounds)] = "Välj bara regionens egna mätomgångar i självskattningen.";

        return errors.Count > 0 ? (null, errors)
            : (new Valid(text, responsible, status!.Value, reason, from!.Value, to!.Value, programmes, activities, agreements, rounds), errors);
    }

    private static DateOnly? Month(string? text, string field, string label, ActivityPlan plan, Dictionary<string, string> errors)
    {
        if (!DateOnly.TryParseExact(text?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
        {
            errors[field] = string.IsNullOrWhiteSpace(text) ? $"Ange {label}." : $"Ange {label} som ÅÅÅÅ-MM, till exempel {plan.StartDate:yyyy}-09.";
            return null;
        }
        if (m < new DateOnly(plan.StartDate.Year, plan.StartDate.Month, 1) || m > plan.EndDate)
        {
            errors[field] = $"Månaden {text!.Trim()} ligger utanför planens period {plan.StartDate:yyyy-MM} – {plan.EndDate:yyyy-MM}.";
            return null;
        }
        return m;
    }

    /// <summary>Writes the values into the (tracked) action; links are matched so unchanged ones stay.</summary>
    public static void Apply(Valid v, PlannedAction a, DateTimeOffset now)
    {
        a.Text = v.Text;
        a.ResponsibleId = v.ResponsibleId;
        a.Status = v.Status;
        a.StatusReason = v.Reason;
        a.PlannedFrom = v.From;
        a.PlannedTo = v.To;
        a.UpdatedAt = now;
        a.Links.RemoveAll(l => (l.ProgrammeId is int p && !v.Programmes.Contains(p)) || (l.ActivityId is int x && !v.Activities.Contains(x))
            || (l.AgreementId is int g && !v.Agreements.Contains(g)) || (l.RoundId is int r && !v.Rounds.Contains(r)));
        foreach (var p in v.Programmes.Where(p => a.Links.All(l => l.ProgrammeId != p))) a.Links.Add(new PlannedActionLink { ProgrammeId = p });
        foreach (var x in v.Activities.Where(x => a.Links.All(l => l.ActivityId != x))) a.Links.Add(new PlannedActionLink { ActivityId = x });
        foreach (var g in v.Agreements.Where(g => a.Links.All(l => l.AgreementId != g))) a.Links.Add(new PlannedActionLink { AgreementId = g });
        foreach (var r in v.Rounds.Where(r => a.Links.All(l => l.RoundId != r))) a.Links.Add(new PlannedActionLink { RoundId = r });
    }
}

/// <summary>
/// What the action form offers: the team, and the region's programmes, activities and agreements in the plan's period and
/// its self-assessment rounds opened before the period ends (a year's workshops follow the previous autumn's round).
/// </summary>
public sealed record ActionChoices(ActivityPlan Plan, ActionForm Form, IReadOnlyList<(int Id, string Name)> Programmes, IReadOnlyList<(int Id, string Name)> Activities,
    IReadOnlyList<(int Id, string Name)> Agreements, IReadOnlyList<(int Id, string Name)> Rounds)
{
    public static async Task<ActionChoices> LoadAsync(AppDbContext db, ActivityPlan plan, ActionForm form)
    {
        var programmes = await db.Programmes.AsNoTracking()
            .Where(p => p.Regions.Any(r => r.CountyCode == plan.CountyCode) && p.StartDate <= plan.EndDate && p.EndDate >= plan.StartDate)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync();
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.CountyCode == plan.CountyCode && a.Sessions.Any(s => s.Date >= plan.StartDate && s.Date <= plan.EndDate))
            .OrderBy(a => a.Sessions.Min(s => s.Date)).ThenBy(a => a.Title).Select(a => new { a.Id, a.Title }).ToListAsync();
        var agreements = await db.Agreements.AsNoTracking()
            .Where(a => a.CountyCode == plan.CountyCode && a.ValidFrom <= plan.EndDate && a.ValidTo >= plan.StartDate)
            .OrderBy(a => a.Title).ThenBy(a => a.VersionNumber).Select(a => new { a.Id, a.Title, a.VersionNumber }).ToListAsync();
        var rounds = await db.AssessmentRounds.AsNoTracking()
            .Where(r => r.CountyCode == plan.CountyCode && r.OpensOn <= plan.EndDate)
            .OrderByDescending(r => r.OpensOn).Select(r => new { r.Id, r.Name, r.OpensOn }).ToListAsync();
        return new(plan, form, programmes.Select(p => (p.Id, p.Name)).ToList(), activities.Select(a => (a.Id, a.Title)).ToList(),
            agreements.Select(a => (a.Id, a.VersionNumber > 1 ? $"{a.Title} (version {a.VersionNumber})" : a.Title)).ToList(),
            rounds.Select(r => (r.Id, $"{r.Name} ({r.OpensOn:yyyy-MM-dd})")).ToList());
    }
}
