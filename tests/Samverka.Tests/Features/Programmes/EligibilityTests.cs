using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Programmes;

namespace Samverka.Tests.Features.Programmes;

/// <summary>The eligibility rule with the real SCB figures of Skåne's 33 municipalities (reference data in the test database).</summary>
[Collection(AppCollection.Name)]
public class EligibilityTests(SamverkaFactory app)
{
    private const string Reason = "beslut i styrgruppen";

    private Task<List<Municipality>> SkaneAsync() =>
        app.WithDbAsync(db => db.Municipalities.AsNoTracking().Where(m => m.CountyCode == "12").ToListAsync());

    private static Offering Ledarpaket(int year = 2019) => new()
    {
        Name = "Ledarpaket", MaxPopulation = 25_000, PopulationYear = year,
        Exceptions = [new EligibilityException { MunicipalityCode = "1261", Reason = Reason }],
    };

    /// <summary>sv-SE groups digits with a no-break space; the wording is compared with ordinary spaces.</summary>
    private static string Plain(string s) => s.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    [Fact]
    public async Task Evaluate_Ledarpaket2019_ExplainsEveryMunicipalityWithSkaneFigures()
    {
        var outcomes = Eligibility.Evaluate(Ledarpaket(), await SkaneAsync());

        Assert.Equal(33, outcomes.Count);
        var byName = outcomes.ToDictionary(o => o.MunicipalityName);
        Assert.Equal(EligibilityStatus.AdmittedByException, byName["Kävlinge"].Status);
        Assert.Equal($"Kävlinge: 31 705 inv. 2019 > 25 000, antagen som undantag: {Reason}", Plain(byName["Kävlinge"].Explanation));
        Assert.Equal(EligibilityStatus.Eligible, byName["Perstorp"].Status);
        Assert.Equal("Perstorp: 7 492 inv. 2019 ≤ 25 000", Plain(byName["Perstorp"].Explanation));
        Assert.Equal(EligibilityStatus.NotEligible, byName["Malmö"].Status);
        Assert.Equal("Malmö: 344 166 inv. 2019 > 25 000", Plain(byName["Malmö"].Explanation));
        // SCB 2019: 19 of Skåne's municipalities have at most 25 000 inhabitants; Kävlinge is admitted on top.
        Assert.Equal(19, outcomes.Count(o => o.Status == EligibilityStatus.Eligible));
        Assert.Equal(1, outcomes.Count(o => o.Status == EligibilityStatus.AdmittedByException));
        Assert.Equal(13, outcomes.Count(o => o.Status == EligibilityStatus.NotEligible));
        // Staffanstorp (25 396 in 2019) is just above the limit: the boundary is "at most".
        Assert.Equal(EligibilityStatus.NotEligible, byName["Staffanstorp"].Status);
    }

    [Fact]
    public async Task Evaluate_PopulationYear2024_UsesTheLatestFigures()
    {
        var byName = Eligibility.Evaluate(Ledarpaket(2024), await SkaneAsync()).ToDictionary(o => o.MunicipalityName);

        Assert.Equal($"Kävlinge: 32 477 inv. 2024 > 25 000, antagen som undantag: {Reason}", Plain(byName["Kävlinge"].Explanation));
        Assert.Equal("Perstorp: 7 235 inv. 2024 ≤ 25 000", Plain(byName["Perstorp"].Explanation));
    }

    [Fact]
    public async Task Evaluate_OpenOffering_AdmitsEveryMunicipality()
    {
        var outcomes = Eligibility.Evaluate(new Offering { Name = "Startpaket" }, await SkaneAsync());

        Assert.Equal(33, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(EligibilityStatus.Eligible, o.Status));
        Assert.All(outcomes, o => Assert.Equal("Öppet för alla kommuner", o.Explanation));
    }

    [Fact]
    public async Task Evaluate_OfferingLimitedToACounty_ConcernsOnlyThatCounty()
    {
        var all = await app.WithDbAsync(db => db.Municipalities.AsNoTracking().Where(m => m.CountyCode == "12" || m.CountyCode == "19").ToListAsync());

        var outcomes = Eligibility.Evaluate(new Offering { Name = "Västmanland", CountyCode = "19" }, all);

        Assert.Equal(10, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal("19", o.CountyCode));
    }

    [Fact]
    public void Describe_RuleInWords()
    {
        Assert.Equal("Öppet för alla kommuner", Eligibility.Describe(new Offering { Name = "x" }));
        Assert.Equal("Högst 25 000 invånare (SCB 2019), endast Skåne län",
            Plain(Eligibility.Describe(new Offering { Name = "x", MaxPopulation = 25_000, PopulationYear = 2019, CountyCode = "12" }, "Skåne län")));
    }
}
