using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes;

/// <summary>
/// The programme form as posted. Numbers and dates are text so that a wrong value gets our Swedish
/// message instead of the model binder's English one. Blank funding and partner rows are ignored:
/// the form always offers a few empty rows, which is how rows are added without JavaScript.
/// </summary>
public class ProgrammeForm
{
    public const int BlankRows = 3;
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? EffectGoals { get; set; }
    public bool GoalAllMunicipalitiesReached { get; set; }
    public string? DataNote { get; set; }
    public List<string> Regions { get; set; } = [];
    public List<FundingRow> Funding { get; set; } = [];
    public List<PartnerRow> Partners { get; set; } = [];

    public class FundingRow
    {
        public string? Funder { get; set; }
        public string? Year { get; set; }
        public string? Amount { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Funder) && string.IsNullOrWhiteSpace(Year) && string.IsNullOrWhiteSpace(Amount);
    }

    public class PartnerRow
    {
        public string? LibraryId { get; set; }
        public string? Themes { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(LibraryId) && string.IsNullOrWhiteSpace(Themes);
    }

    public static ProgrammeForm From(Programme p) => new()
    {
        Name = p.Name,
        Description = p.Description,
        StartDate = p.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EndDate = p.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EffectGoals = p.EffectGoals,
        GoalAllMunicipalitiesReached = p.GoalAllMunicipalitiesReached,
        DataNote = p.DataNote,
        Regions = p.Regions.Select(r => r.CountyCode).Order().ToList(),
        Funding = p.Funding.OrderBy(f => f.Year).ThenBy(f => f.Funder)
            .Select(f => new FundingRow { Funder = f.Funder, Year = f.Year.ToString(CultureInfo.InvariantCulture), Amount = f.AmountSek.ToString("N0", Sv) }).ToList(),
        Partners = p.Partners.Select(x => new PartnerRow { LibraryId = x.LibraryId.ToString(CultureInfo.InvariantCulture), Themes = x.Themes }).ToList(),
    };

    /// <summary>Adds the empty rows the form offers for new funders and partners.</summary>
    public ProgrammeForm WithBlankRows()
    {
        // Posted rows keep their positions, so an error keyed "Funding[4].Amount" still points at its row.
        while (Funding.Count < BlankRows || Funding.TakeLast(BlankRows).Any(f => !f.IsBlank)) Funding.Add(new FundingRow());
        while (Partners.Count < BlankRows || Partners.TakeLast(BlankRows).Any(x => !x.IsBlank)) Partners.Add(new PartnerRow());
        return this;
    }

    /// <summary>Validated values, ready to apply.</summary>
    public sealed record Valid(string Name, DateOnly Start, DateOnly End, List<string> Regions,
        List<(string Funder, int Year, long Amount)> Funding, List<(int LibraryId, string? Themes)> Partners);

    /// <summary>Checks everything; errors are keyed by the field's name below Input ("Funding[0].Amount").</summary>
    public async Task<(Valid? Value, Dictionary<string, string> Errors)> ValidateAsync(AppDbContext db, UserScope scope)
    {
        var errors = new Dictionary<string, string>();
        var name = Name?.Trim() ?? "";
        if (name.Length == 0) errors[nameof(Name)] = "Ange programmets namn.";
        else if (name.Length > 200) errors[nameof(Name)] = "Namnet får vara högst 200 tecken.";

        var start = ParseDate(StartDate, nameof(StartDate), "startdatum", errors);
        var end = ParseDate(EndDate, nameof(EndDate), "slutdatum", errors);
        if (start is { } s0 && end is { } e0 && e0 < s0) errors[nameof(EndDate)] = "Slutdatum kan inte vara före startdatum.";

        var regions = Regions.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct().ToList();
        var known = await db.Counties.Where(c => regions.Contains(c.Code)).Select(c => c.Code).ToListAsync();
        if (regions.Count == 0) errors[nameof(Regions)] = "Välj minst en region.";
        else if (regions.Except(known).FirstOrDefault() is { } unknown) errors[nameof(Regions)] = $"Länet {unknown} finns inte.";
        else if (!ProgrammeRules.CanEditProgramme(scope, regions)) errors[nameof(Regions)] = "Du får bara välja regioner inom dina egna län.";

        var funding = new List<(string, int, long)>();
        for (var i = 0; i < Funding.Count; i++)
        {
            var row = Funding[i];
            if (row.IsBlank) continue;
            var n = i + 1;
            var key = $"Funding[{i}]";
            var funder = row.Funder?.Trim() ?? "";
            if (funder.Length == 0) errors[$"{key}.Funder"] = $"Ange finansiär på rad {n}.";
            else if (funder.Length > 200) errors[$"{key}.Funder"] = $"Finansiärens namn på rad {n} får vara högst 200 tecken.";
            int? year = int.TryParse(row.Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
            if (year is null) errors[$"{key}.Year"] = $"Ange året på rad {n} som ett årtal, till exempel {start?.Year ?? 2018}.";
            else if (start is { } s && end is { } e && (year < s.Year || year > e.Year))
                errors[$"{key}.Year"] = $"Året {year} på rad {n} ligger utanför programmets period {s.Year}–{e.Year}.";
            var amountText = new string((row.Amount ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace("kr", "", StringComparison.OrdinalIgnoreCase);
            long? amount = long.TryParse(amountText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a) ? a : null;
            if (amount is null) errors[$"{key}.Amount"] = $"Ange beloppet på rad {n} i hela kronor, till exempel 440 000.";
            else if (amount < 0) errors[$"{key}.Amount"] = $"Beloppet på rad {n} kan inte vara negativt.";
            if (funder.Length is > 0 and <= 200 && year is int yy && amount is >= 0) funding.Add((funder, yy, amount.Value));
        }

        var partners = new List<(int, string?)>();
        var ids = Partners.Select(p => int.TryParse(p.LibraryId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).ToList();
        var libraries = await db.Libraries.Where(l => ids.Contains(l.Id)).Select(l => l.Id).ToListAsync();
        for (var i = 0; i < Partners.Count; i++)
        {
            var row = Partners[i];
            if (row.IsBlank) continue;
            var key = $"Partners[{i}].LibraryId";
            if (!libraries.Contains(ids[i])) errors[key] = $"Välj ett bibliotek på partnerrad {i + 1}.";
            else if (partners.Any(p => p.Item1 == ids[i])) errors[key] = $"Biblioteket på partnerrad {i + 1} finns redan med.";
            else partners.Add((ids[i], string.IsNullOrWhiteSpace(row.Themes) ? null : row.Themes.Trim()));
        }
        return errors.Count > 0 ? (null, errors) : (new Valid(name, start!.Value, end!.Value, regions, funding, partners), errors);
    }

    private static DateOnly? ParseDate(string? text, string field, string label, Dictionary<string, string> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors[field] = string.IsNullOrWhiteSpace(text) ? $"Ange {label}." : $"Ange {label} som ÅÅÅÅ-MM-DD, till exempel 2018-01-01.";
        return null;
    }

    /// <summary>Writes the values into the (tracked) programme, changing only the rows that differ.</summary>
    public void Apply(Valid v, Programme p)
    {
        p.Name = v.Name;
        p.Description = Clean(Description);
        p.StartDate = v.Start;
        p.EndDate = v.End;
        p.EffectGoals = Clean(EffectGoals);
        p.GoalAllMunicipalitiesReached = GoalAllMunicipalitiesReached;
        p.DataNote = Clean(DataNote);
        p.UpdatedAt = DateTimeOffset.UtcNow; // also makes the UPDATE that checks the version
        p.Regions.RemoveAll(r => !v.Regions.Contains(r.CountyCode));
        foreach (var code in v.Regions.Where(c => p.Regions.All(r => r.CountyCode != c)))
            p.Regions.Add(new ProgrammeRegion { CountyCode = code });
        p.Funding.Clear();
        p.Funding.AddRange(v.Funding.Select(f => new ProgrammeFunding { Funder = f.Funder, Year = f.Year, AmountSek = f.Amount }));
        // Partners are matched by library: the unique index (programme, library) would refuse a delete-and-insert.
        p.Partners.RemoveAll(x => v.Partners.All(n => n.LibraryId != x.LibraryId));
        foreach (var (libraryId, themes) in v.Partners)
        {
            if (p.Partners.FirstOrDefault(x => x.LibraryId == libraryId) is { } existing) existing.Themes = themes;
            else p.Partners.Add(new ProgrammePartner { LibraryId = libraryId, Themes = themes });
        }
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
