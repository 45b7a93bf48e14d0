using System.Globalization;
using Samverka.Web.Data;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>The plan form as typed; <see cref="Validate"/> turns it into checked values or Swedish messages per field.</summary>
public class LibraryPlanForm
{
    public string? Title { get; set; }
    public string? AdoptedBy { get; set; }
    public string? AdoptedOn { get; set; }
    /// <summary>"2019" (from 1 January) or a date "2019-03-15".</summary>
    public string? ValidFrom { get; set; }
    /// <summary>"2022" (to 31 December) or a date.</summary>
    public string? ValidTo { get; set; }
    public string? Url { get; set; }
    public bool CoversSchoolLibraries { get; set; }
    public string? ReportedOn { get; set; }

    public record Valid(string Title, string? AdoptedBy, DateOnly? AdoptedOn, DateOnly From, DateOnly To, string? Url, bool CoversSchoolLibraries, DateOnly? ReportedOn);

    public static LibraryPlanForm From(LibraryPlan p) => new()
    {
        Title = p.Title,
        AdoptedBy = p.AdoptedBy,
        AdoptedOn = p.AdoptedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ValidFrom = p.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ValidTo = p.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Url = p.Url,
        CoversSchoolLibraries = p.CoversSchoolLibraries,
        ReportedOn = p.ReportedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public (Valid? Value, List<(string Field, string Message)> Errors) Validate()
    {
        var errors = new List<(string, string)>();
        var title = Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add((nameof(Title), "Ange planens titel."));
        else if (title.Length > 300) errors.Add((nameof(Title), "Titeln får vara högst 300 tecken."));
        var adoptedBy = AdoptedBy?.Trim();
        if (adoptedBy?.Length > 200) errors.Add((nameof(AdoptedBy), "Beslutande organ får vara högst 200 tecken."));
        var adoptedOn = OptionalDate(AdoptedOn, nameof(AdoptedOn), "Antagen den", errors);
        var reportedOn = OptionalDate(ReportedOn, nameof(ReportedOn), "Rapporterad den", errors);
        var from = PeriodEnd(ValidFrom, start: true, nameof(ValidFrom), errors);
        var to = PeriodEnd(ValidTo, start: false, nameof(ValidTo), errors);
        if (from is { } f && to is { } t && t < f)
            errors.Add((nameof(ValidTo), "Planen kan inte sluta gälla innan den börjar gälla. Kontrollera perioden."));
        var url = string.IsNullOrWhiteSpace(Url) ? null : Url.Trim();
        if (url is not null && (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("https" or "http")))
            errors.Add((nameof(Url), "Länken måste vara en fullständig webbadress som börjar med https:// (högst 500 tecken)."));
        if (errors.Count > 0) return (null, errors);
        return (new Valid(title, string.IsNullOrEmpty(adoptedBy) ? null : adoptedBy, adoptedOn, from!.Value, to!.Value, url, CoversSchoolLibraries, reportedOn), errors);
    }

    public static void Apply(Valid v, LibraryPlan p)
    {
        p.Title = v.Title;
        p.AdoptedBy = v.AdoptedBy;
        p.AdoptedOn = v.AdoptedOn;
        p.ValidFrom = v.From;
        p.ValidTo = v.To;
        p.Url = v.Url;
        p.CoversSchoolLibraries = v.CoversSchoolLibraries;
        p.ReportedOn = v.ReportedOn;
    }

    private static DateOnly? OptionalDate(string? text, string field, string label, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 1990 and <= 2100)
            return d;
        errors.Add((field, $"{label}: skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2019-03-15."));
        return null;
    }

    /// <summary>A year alone means the whole year: from 1 January, to 31 December.</summary>
    private static DateOnly? PeriodEnd(string? text, bool start, string field, List<(string, string)> errors)
    {
        var label = start ? "Gäller från" : "Gäller till";
        var s = text?.Trim() ?? "";
        if (s.Length == 0)
        {
            errors.Add((field, $"{label}: ange ett år (till exempel 2019) eller ett datum (ÅÅÅÅ-MM-DD)."));
            return null;
        }
        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100)
            return start ? new DateOnly(year, 1, 1) : new DateOnly(year, 12, 31);
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 1990 and <= 2100)
            return d;
        errors.Add((field, $"{label}: skriv ett år mellan 1990 och 2100 (till exempel 2019) eller ett datum som ÅÅÅÅ-MM-DD."));
        return null;
    }
}
