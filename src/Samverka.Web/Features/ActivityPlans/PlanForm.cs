using System.Globalization;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>The plan's own texts and period as posted; dates are text so a wrong value gets a Swedish message.</summary>
public class PlanForm
{
    public string? CountyCode { get; set; }
    public string? Title { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Vision { get; set; }
    public string? ValuesText { get; set; }
    public string? Premises { get; set; }
    public string? Assignment { get; set; }
    public string? StaffNote { get; set; }
    public string? AreasIntro { get; set; }

    /// <summary>Each of the region's own texts: long enough for seed 004's longest section many times over.</summary>
    public const int MaxTextLength = 20_000;

    public static PlanForm From(ActivityPlan p) => new()
    {
        CountyCode = p.CountyCode, Title = p.Title,
        StartDate = p.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EndDate = p.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Vision = p.Vision, ValuesText = p.ValuesText, Premises = p.Premises, Assignment = p.Assignment, StaffNote = p.StaffNote,
        AreasIntro = p.AreasIntro,
    };

    public sealed record Valid(string CountyCode, string Title, DateOnly Start, DateOnly End);

    /// <param name="counties">The counties the user may keep plans for.</param>
    /// <param name="plan">The plan being edited: its actions, outcomes and leave must stay inside the new period.</param>
    public (Valid? Value, Dictionary<string, string> Errors) Validate(UserScope scope, IReadOnlyCollection<string> counties, ActivityPlan? plan)
    {
        var errors = new Dictionary<string, string>();
        var county = CountyCode?.Trim() ?? "";
        if (!counties.Contains(county) || !ActivityPlanAccess.CanEdit(scope, county)) errors[nameof(CountyCode)] = "Välj en region som du samordnar.";
        var title = Title?.Trim() ?? "";
        if (title.Length == 0) errors[nameof(Title)] = "Ange planens namn, till exempel Verksamhetsplan 2026.";
        else if (title.Length > 200) errors[nameof(Title)] = "Namnet får vara högst 200 tecken.";
        var start = Date(StartDate, nameof(StartDate), "startdatum", errors);
        var end = Date(EndDate, nameof(EndDate), "slutdatum", errors);
        if (start is { } s && end is { } e)
        {
            if (e < s) errors[nameof(EndDate)] = "Slutdatum kan inte vara före startdatum.";
            else if (e.Year - s.Year > 4) errors[nameof(EndDate)] = "En plan får omfatta högst fem kalenderår.";
            else if (plan is not null)
            {
                var months = plan.Areas.SelectMany(a => a.Actions).SelectMany(a => new[] { a.PlannedFrom, a.PlannedTo }).ToList();
                if (months.Any(m => m < new DateOnly(s.Year, s.Month, 1) || m > e))
                    errors[nameof(StartDate)] = "Planens aktiviteter ligger utanför den nya perioden. Flytta dem först.";
                else if (plan.Areas.SelectMany(a => a.Outcomes).Any(o => o.Year < s.Year || o.Year > e.Year))
                    errors[nameof(StartDate)] = "Det finns utfall för år utanför den nya perioden.";
            }
        }
        foreach (var (field, label, text) in new[] { (nameof(Vision), "Visionen", Vision), (nameof(ValuesText), "Värdegrunden", ValuesText),
            (nameof(Premises), "Förutsättningarna", Premises), (nameof(Assignment), "Uppdraget", Assignment), (nameof(StaffNote), "Texten om personalen", StaffNote),
            (nameof(AreasIntro), "Inledningen till utvecklingsområdena", AreasIntro) })
            if (text?.Trim().Length > MaxTextLength) errors[field] = $"{label} får vara högst {MaxTextLength:N0} tecken.";
        return errors.Count > 0 ? (null, errors) : (new Valid(county, title, start!.Value, end!.Value), errors);
    }

    private static DateOnly? Date(string? text, string field, string label, Dictionary<string, string> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors[field] = string.IsNullOrWhiteSpace(text) ? $"Ange {label}." : $"Ange {label} som ÅÅÅÅ-MM-DD, till exempel 2026-01-01.";
        return null;
    }

    public void Apply(Valid v, ActivityPlan p, DateTimeOffset now)
    {
        p.CountyCode = v.CountyCode;
        p.Title = v.Title;
        p.StartDate = v.Start;
        p.EndDate = v.End;
        p.Vision = Clean(Vision);
        p.ValuesText = Clean(ValuesText);
        p.Premises = Clean(Premises);
        p.Assignment = Clean(Assignment);
        p.StaffNote = Clean(StaffNote);
        p.AreasIntro = Clean(AreasIntro);
        p.UpdatedAt = now;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
