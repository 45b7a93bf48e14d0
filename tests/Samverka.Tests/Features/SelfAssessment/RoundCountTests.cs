using System.Net.Http.Json;
using System.Text.Json;
using Samverka.Tests.Support;
using Samverka.Web.Features.ActivityPlans;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.SelfAssessment;

/// <summary>
/// A round's number of responses is published on its own (round list, round page, rounds API, the yearly report's
/// figure): below the threshold it says "färre än 5" (null with suppressed in JSON), never the exact count that would
/// tell colleagues who answered; from the threshold up the count is shown.
/// </summary>
[Collection(AppCollection.Name)]
public class RoundCountTests(SamverkaFactory app)
{
    [Fact]
    public async Task RoundWithFewResponses_SaysFewerThanFive_OnListPageApiAndReport_ALargerRoundShowsItsCount()
    {
        var year = AssessmentSamples.NewYear();
        var small = await AssessmentSamples.CreateYearRoundAsync(app, "12", year);
        var large = await AssessmentSamples.CreateYearRoundAsync(app, "12", year);
        await AssessmentSamples.AddResponsesAsync(app, small.Id, "1280", null, 3);
        await AssessmentSamples.AddResponsesAsync(app, large.Id, "1280", null, 6);
        var client = await app.SignedInAs(Roles.RegionalCoordinator);

        var list = await client.GetDocumentAsync("/sjalvskattning");
        string Cell(int id) => list.QuerySelector($"a[href='/sjalvskattning/omgangar/{id}']")!.Closest("tr")!.QuerySelectorAll("td")[^1].TextContent.Trim();
        Assert.Equal("färre än 5", Cell(small.Id));
        Assert.Equal("6", Cell(large.Id));

        string Responses(AngleSharp.Dom.IDocument d) => d.QuerySelectorAll("dt").Single(dt => dt.TextContent == "Antal svar").NextElementSibling!.TextContent.Trim();
        Assert.Equal("färre än 5", Responses(await client.GetDocumentAsync($"/sjalvskattning/omgangar/{small.Id}")));
        Assert.Equal("6", Responses(await client.GetDocumentAsync($"/sjalvskattning/omgangar/{large.Id}")));

        var rounds = await client.GetFromJsonAsync<JsonElement>("/api/v1/self-assessment/rounds");
        JsonElement Round(int id) => rounds.EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);
        Assert.Equal(JsonValueKind.Null, Round(small.Id).GetProperty("responses").ValueKind);
        Assert.True(Round(small.Id).GetProperty("suppressed").GetBoolean());
        Assert.Equal(6, Round(large.Id).GetProperty("responses").GetInt32());
        Assert.False(Round(large.Id).GetProperty("suppressed").GetBoolean());
        Assert.DoesNotContain("\"responses\":3", rounds.GetRawText());

        // The yearly report's figure: the region's responses in the period (3 alone is withheld; 3 + 6 is shown).
        async Task<PlanFigure> Figure(DateOnly from, DateOnly to) => (await app.WithDbAsync(async db =>
            await PlanSourceFigures.ComputeAsync(db, "12", from, to, [], DateTimeOffset.UtcNow, default))).Figures.Single(f => f.Token == "sjalvskattning.svar");
        Assert.Equal("9", (await Figure(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))).Formatted);
        var alone = AssessmentSamples.NewYear();
        var only = await AssessmentSamples.CreateYearRoundAsync(app, "12", alone);
        await AssessmentSamples.AddResponsesAsync(app, only.Id, "1280", null, 3);
        var withheld = await Figure(new DateOnly(alone, 1, 1), new DateOnly(alone, 12, 31));
        Assert.Equal("färre än 5", withheld.Formatted);
        Assert.NotNull(withheld.Withheld);
    }
}
