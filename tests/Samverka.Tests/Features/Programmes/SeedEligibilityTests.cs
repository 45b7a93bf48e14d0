using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Programmes;

namespace Samverka.Tests.Features.Programmes;

/// <summary>Seed 003's Ledarpaket in the demo data: ≤ 25 000 inhabitants (SCB 2019), Kävlinge admitted as exception.</summary>
[Collection(AppCollection.Name)]
public class SeedEligibilityTests(SamverkaFactory app)
{
    private static string Plain(string s) => s.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    private async Task<(int Programme, int Offering)> LedarpaketAsync()
    {
        var programme = await SkaneSeed.ProgrammeIdAsync(app);
        var offering = await app.WithDbAsync(db => db.Offerings.Where(o => o.ProgrammeId == programme && o.Name == "Ledarpaket").Select(o => o.Id).SingleAsync());
        return (programme, offering);
    }

    [Fact]
    public async Task Get_SeedLedarpaketEligibility_Api_20Of33WithKavlingeAsException()
    {
        var (programme, offering) = await LedarpaketAsync();

        var rows = (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/offerings/{offering}/eligibility"))
            .EnumerateArray().ToList();

        Assert.Equal(33, rows.Count);
        var status = rows.ToDictionary(r => r.GetProperty("municipalityName").GetString()!, r => r.GetProperty("status").GetString());
        Assert.Equal(nameof(EligibilityStatus.AdmittedByException), status["Kävlinge"]);
        Assert.Equal(19, status.Values.Count(s => s == nameof(EligibilityStatus.Eligible)));
        Assert.Equal(13, status.Values.Count(s => s == nameof(EligibilityStatus.NotEligible)));
        // The three municipalities seed 003 says took every package are all eligible for Ledarpaket.
        Assert.All(new[] { "Sjöbo", "Klippan", "Bjuv" }, m => Assert.Equal(nameof(EligibilityStatus.Eligible), status[m]));
        var kavlinge = rows.Single(r => r.GetProperty("municipalityName").GetString() == "Kävlinge").GetProperty("explanation").GetString()!;
        Assert.StartsWith("Kävlinge: 31 705 inv. 2019 > 25 000, antagen som undantag: ", Plain(kavlinge));
    }

    [Fact]
    public async Task Get_SeedLedarpaketPage_ShowsEveryMunicipalityAndTheStatedEnrolments()
    {
        var (programme, offering) = await LedarpaketAsync();

        var response = await app.Anonymous().GetAsync($"/program/{programme}/erbjudanden/{offering}");
        var doc = await response.ToDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(33, doc.QuerySelectorAll("#eligibility tbody tr").Length);
        Assert.Equal("Högst 25 000 invånare (SCB 2019)", Plain(doc.QuerySelector("#rule")!.TextContent));
        var enrolled = doc.QuerySelectorAll("#enrolments tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).Order().ToList();
        Assert.Equal(["Bjuv", "Klippan", "Sjöbo"], enrolled);
    }

    [Fact]
    public async Task Get_SeedProgrammeDetails_LinksToOfferingsAndFollowUpPages()
    {
        var programme = await SkaneSeed.ProgrammeIdAsync(app);

        var doc = await app.Anonymous().GetDocumentAsync($"/program/{programme}");

        Assert.Equal(3, doc.QuerySelectorAll($"a[href^='/program/{programme}/erbjudanden/']").Length);
        Assert.NotNull(doc.QuerySelector($"a[href='/program/{programme}/referensgrupper/2019']"));
        Assert.NotNull(doc.QuerySelector($"a[href='/program/{programme}/tackning']"));
        Assert.Contains("Kristianstad", doc.QuerySelector("ul.partners")!.TextContent);
    }
}
