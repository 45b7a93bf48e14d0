using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Programmes;

/// <summary>
/// The offering form: name, description and the eligibility rule (open, or at most N inhabitants by
/// SCB's figure for 2019 or 2024, optionally in one county) with exceptions admitted by decision.
/// Numbers are text so that a wrong value gets a Swedish message.
/// </summary>
public class OfferingForm
{
    public const string Open = "open", Population = "population";
    public static readonly int[] PopulationYears = [2019, 2024];

    public string? Name { get; set; }
    public string? Description { get; set; }
    public string Rule { get; set; } = Open;
    public string? MaxPopulation { get; set; }
    public string? PopulationYear { get; set; } = "2019";
    public string? CountyCode { get; set; }
    public List<ExceptionRow> Exceptions { get; set; } = [];

    public class ExceptionRow
    {
        public string? MunicipalityCode { get; set; }
        public string? Reason { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(MunicipalityCode) && string.IsNullOrWhiteSpace(Reason);
    }

    public static OfferingForm From(Offering o) => new()
    {
        Name = o.Name,
        Description = o.Description,
        Rule = o.MaxPopulation is null ? Open : Population,
        MaxPopulation = o.MaxPopulation?.ToString(CultureInfo.InvariantCulture),
        PopulationYear = (o.PopulationYear ?? 2019).ToString(CultureInfo.InvariantCulture),
        CountyCode = o.CountyCode,
        Exceptions = o.Exceptions.Select(e => new ExceptionRow { MunicipalityCode = e.MunicipalityCode, Reason = e.Reason }).ToList(),
    };

    /// <summary>Empty exception rows to fill in; posted rows keep their positions so errors point at them.</summary>
    public OfferingForm WithBlankRows()
    {
        while (Exceptions.Count < 2 || Exceptions.TakeLast(2).Any(e => !e.IsBlank)) Exceptions.Add(new ExceptionRow());
        return this;
    }

    public sealed record Valid(string Name, int? MaxPopulation, int? PopulationYear, string? CountyCode, List<(string Code, string Reason)> Exceptions);

    /// <summary>Checks the form against the programme's regions; errors are keyed below Input.</summary>
    public async Task<(Valid? Value, Dictionary<string, string> Errors)> ValidateAsync(AppDbContext db, Programme programme, int? offeringId)
    {
        var errors = new Dictionary<string, string>();
        var name = Name?.Trim() ?? "";
        if (name.Length == 0) errors[nameof(Name)] = "Ange paketets namn.";
        else if (name.Length > 200) errors[nameof(Name)] = "Namnet får vara högst 200 tecken.";
        else if (await db.Offerings.AnyAsync(o => o.ProgrammeId == programme.Id && o.Name == name && o.Id != offeringId))
            errors[nameof(Name)] = $"Programmet har redan ett paket som heter {name}.";

        int? max = null, year = null;
        if (Rule == Population)
        {
            var text = new string((MaxPopulation ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var m) || m <= 0)
                errors[nameof(MaxPopulation)] = "Ange högsta antal invånare som ett positivt heltal, till exempel 25 000.";
            else max = m;
            if (!int.TryParse(PopulationYear, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || !PopulationYears.Contains(y))
                errors[nameof(PopulationYear)] = "Välj befolkningsår 2019 eller 2024.";
            else year = y;
        }
        else if (Rule != Open) errors[nameof(Rule)] = "Välj om paketet är öppet för alla eller begränsat efter invånarantal.";

        var regions = programme.Regions.Select(r => r.CountyCode).ToList();
        var county = string.IsNullOrWhiteSpace(CountyCode) ? null : CountyCode.Trim();
        if (county is not null && !regions.Contains(county)) errors[nameof(CountyCode)] = "Länet måste vara en av programmets regioner.";

        List<string> area = county is not null ? [county] : regions;
        var codes = Exceptions.Select(e => e.MunicipalityCode?.Trim() ?? "").ToList();
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => codes.Contains(m.Code)).ToDictionaryAsync(m => m.Code);
        var exceptions = new List<(string, string)>();
        for (var i = 0; i < Exceptions.Count; i++)
        {
            var row = Exceptions[i];
            if (row.IsBlank) continue;
            var key = $"Exceptions[{i}]";
            var n = i + 1;
            var reason = row.Reason?.Trim() ?? "";
            if (!municipalities.TryGetValue(codes[i], out var m))
                errors[$"{key}.MunicipalityCode"] = codes[i].Length == 0 ? $"Välj kommun för undantag {n}." : $"Kommunen {codes[i]} i undantag {n} finns inte.";
            else if (!area.Contains(m.CountyCode)) errors[$"{key}.MunicipalityCode"] = $"{m.Name} i undantag {n} ligger utanför paketets område.";
            else if (exceptions.Any(e => e.Item1 == m.Code)) errors[$"{key}.MunicipalityCode"] = $"{m.Name} finns redan som undantag.";
            if (reason.Length == 0) errors[$"{key}.Reason"] = $"Ange skälet till undantag {n}, till exempel beslutet.";
            if (m is not null && reason.Length > 0 && !errors.ContainsKey($"{key}.MunicipalityCode")) exceptions.Add((m.Code, reason));
        }
        return errors.Count > 0 ? (null, errors) : (new Valid(name, max, year, county, exceptions), errors);
    }

    /// <summary>Writes the values into the (tracked) offering; exceptions are matched by municipality.</summary>
    public void Apply(Valid v, Offering o)
    {
        o.Name = v.Name;
        o.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        o.MaxPopulation = v.MaxPopulation;
        o.PopulationYear = v.PopulationYear;
        o.CountyCode = v.CountyCode;
        o.Exceptions.RemoveAll(e => v.Exceptions.All(x => x.Code != e.MunicipalityCode));
        foreach (var (code, reason) in v.Exceptions)
        {
            if (o.Exceptions.FirstOrDefault(e => e.MunicipalityCode == code) is { } existing) existing.Reason = reason;
            else o.Exceptions.Add(new EligibilityException { MunicipalityCode = code, Reason = reason });
        }
    }
}
