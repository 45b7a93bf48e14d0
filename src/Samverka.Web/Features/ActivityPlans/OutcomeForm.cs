using Samverka.Web.Data;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// An area's outcome for a year, checked and written the same way by the outcome page and the API. Figures are not
/// typed: the writer inserts {{token}} placeholders, and a token no figure answers is refused rather than printed as a guess.
/// </summary>
public static class OutcomeForm
{
    public const int MaxLength = 20_000;

    /// <summary>Outcomes exist only for the years of the plan's period; any other year is answered 404.</summary>
    public static bool InPeriod(ActivityPlan plan, int year) => year >= plan.StartDate.Year && year <= plan.EndDate.Year;

    /// <summary>The trimmed text, or the Swedish message saying why it cannot be saved.</summary>
    public static (string? Text, string? Error) Validate(string? text, PlanFigureSet figures)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0) return (null, "Skriv utfallet.");
        if (t.Length > MaxLength) return (null, $"Texten får vara högst {MaxLength:N0} tecken.");
        if (figures.Unknown(t) is { Count: > 0 } unknown)
            return (null, $"Platshållaren {string.Join(", ", unknown.Select(PlanFigureSet.Token))} finns inte. Använd en ur listan över uppgifter.");
        return (t, null);
    }

    /// <summary>Writes the text into the area's outcome for the year (the area is tracked, with its outcomes loaded).</summary>
    public static void Apply(DevelopmentArea area, int year, string text, DateTimeOffset now)
    {
        if (area.Outcomes.FirstOrDefault(o => o.Year == year) is { } existing) { existing.Text = text; existing.UpdatedAt = now; }
        else area.Outcomes.Add(new AreaOutcome { Year = year, Text = text, UpdatedAt = now });
    }
}
