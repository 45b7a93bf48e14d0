using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

using Samverka.Web.Features.Directory;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes;

public enum EligibilityStatus { Eligible, NotEligible, AdmittedByException }

/// <summary>The rule's outcome for one municipality, with the Swedish explanation shown to users.</summary>
public sealed record EligibilityOutcome(string MunicipalityCode, string MunicipalityName, string CountyCode,
    int Population, EligibilityStatus Status, string Explanation)
{
    /// <summary>Eligible by the rule or admitted as an exception: may enrol.</summary>
    public bool MayEnrol => Status != EligibilityStatus.NotEligible;
}

/// <summary>
/// Evaluates an offering's eligibility rule for every municipality it concerns: the programme's
/// regions, or only the offering's county when it names one. Used by the offering page, the enrol
/// form and the API, so the three can never disagree on who may enrol.
/// </summary>
public static class Eligibility
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");
    public const string OpenToAll = "Öppet för alla kommuner";

    /// <summary>The rule in words, e.g. "Högst 25 000 invånare (SCB 2019), endast Skåne län".</summary>
    public static string Describe(Offering o, string? countyName = null)
    {
        var parts = new List<string>();
        if (o.MaxPopulation is int max)
            parts.Add($"Högst {max.ToString("N0", Sv)} invånare (SCB {o.PopulationYear})");
        if (o.CountyCode is not null)
            parts.Add($"endast {countyName ?? "län " + o.CountyCode}");
        if (parts.Count == 0) return OpenToAll;
        var text = string.Join(", ", parts);
        return char.ToUpper(text[0], Sv) + text[1..];
    }

    /// <summary>The outcome for each municipality, ordered by name.</summary>
    public static IReadOnlyList<EligibilityOutcome> Evaluate(Offering offering, IEnumerable<Municipality> municipalities)
    {
        var exceptions = offering.Exceptions.ToDictionary(e => e.MunicipalityCode, e => e.Reason);
        return municipalities
            .Where(m => offering.CountyCode is null || m.CountyCode == offering.CountyCode)
            .OrderBy(m => m.Name, SwedishText.Order)
            .Select(m => Evaluate(offering, m, exceptions.GetValueOrDefault(m.Code)))
            .ToList();
    }

    public static EligibilityOutcome Evaluate(Offering offering, Municipality m, string? exceptionReason)
    {
        if (offering.MaxPopulation is not int max)
        {
            // An open offering needs no exceptions; one recorded anyway changes nothing.
            return new(m.Code, m.Name, m.CountyCode, m.Population, EligibilityStatus.Eligible, OpenToAll);
        }
        var year = offering.PopulationYear ?? m.PopulationYear;
        // The reference data holds SCB's figures for 2019 and for the latest year (2024).
        var population = year == 2019 ? m.Population2019 : m.Population;
        var figure = $"{m.Name}: {population.ToString("N0", Sv)} inv. {year}";
        if (population <= max)
            return new(m.Code, m.Name, m.CountyCode, population, EligibilityStatus.Eligible, $"{figure} ≤ {max.ToString("N0", Sv)}");
        if (exceptionReason is not null)
            return new(m.Code, m.Name, m.CountyCode, population, EligibilityStatus.AdmittedByException,
                $"{figure} > {max.ToString("N0", Sv)}, antagen som undantag: {exceptionReason}");
        return new(m.Code, m.Name, m.CountyCode, population, EligibilityStatus.NotEligible, $"{figure} > {max.ToString("N0", Sv)}");
    }

    /// <summary>Loads the offering (with exceptions) and the municipalities of its programme's regions; null for an unknown offering.</summary>
    public static async Task<(Offering Offering, IReadOnlyList<EligibilityOutcome> Outcomes)?> ForOfferingAsync(
        AppDbContext db, int programmeId, int offeringId, CancellationToken ct = default)
    {
        var offering = await db.Offerings.AsNoTracking().Include(o => o.Exceptions)
            .FirstOrDefaultAsync(o => o.Id == offeringId && o.ProgrammeId == programmeId, ct);
        if (offering is null) return null;
        var municipalities = await MunicipalitiesOfAsync(db, programmeId, offering.CountyCode, ct);
        return (offering, Evaluate(offering, municipalities));
    }

    /// <summary>The municipalities an offering concerns: its county if set, else those of the programme's regions.</summary>
    public static async Task<List<Municipality>> MunicipalitiesOfAsync(AppDbContext db, int programmeId, string? countyCode, CancellationToken ct = default)
    {
        var query = db.Municipalities.AsNoTracking();
        query = countyCode is not null
            ? query.Where(m => m.CountyCode == countyCode)
            : query.Where(m => db.ProgrammeRegions.Any(r => r.ProgrammeId == programmeId && r.CountyCode == m.CountyCode));
        return await query.ToListAsync(ct);
    }
}
