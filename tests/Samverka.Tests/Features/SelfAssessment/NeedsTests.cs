using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.Activities;

namespace Samverka.Tests.Features.SelfAssessment;

[Collection(AppCollection.Name)]
public class NeedsTests(SamverkaFactory app)
{
    private static string Plain(string s) => s.Replace('\u00A0', ' ');

    [Fact]
    public async Task Get_Needs_Coordinator_SeesWeakestAreaWithMatchingActivityAndWorkshopCoverage()
    {
        var year = AssessmentSamples.NewYear();
        var round = await AssessmentSamples.CreateYearRoundAsync(app, "19", year);
        // Security (area 4) scored lowest: it becomes Västerås's weakest area.
        await AssessmentSamples.AddResponsesAsync(app, round.Id, "1980", null, 10, scoreFor: code => code.StartsWith('4') ? 2 : 4);
        var title = "Workshop om integritet " + UniqueText.Letters(6);
        var library = await AssessmentSamples.LibraryAsync(app, "Västerås stadsbibliotek");
        var id = await AssessmentSamples.AddActivityAsync(app, "19", 4, title, new DateOnly(year, 3, 1), organiserLibraryId: library);
        var draft = await AssessmentSamples.AddActivityAsync(app, "19", 4, "Utkast " + title, new DateOnly(year, 3, 2), ActivityStatus.Draft);

        var doc = await (await app.As(Viktor)).GetDocumentAsync($"/sjalvskattning/behov?ar={year}");

        var text = Plain(doc.Body!.TextContent);
        Assert.Contains("1 av 10 kommuner", text);
        var rows = doc.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("th")!.TextContent == "Västerås").ToList();
        var security = rows.Single(r => r.Children[1].TextContent == "Säkerhet");
        Assert.Contains(title, security.TextContent);
        Assert.Contains(security.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/aktiviteter/{id}" && a.TextContent == title);
        Assert.DoesNotContain(security.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/aktiviteter/{draft}");
        Assert.Contains("Medel 2,0", Plain(security.TextContent));
    }

    [Fact]
    public async Task Get_Needs_DemoVastmanlandAutumn2018_SixOfTenMunicipalitiesHadAWorkshop()
    {
        // Seed 004: the test in the autumn of 2018, the IT-pedagog's workshops in six of ten municipalities in 2019.
        var doc = await (await app.As(Viktor)).GetDocumentAsync("/sjalvskattning/behov?ar=2018");

        var coverage = doc.QuerySelectorAll("li").Select(li => Plain(li.TextContent)).Single(t => t.Contains("Västmanland hösten 2018"));
        Assert.Contains("6 av 10 kommuner i Västmanlands län har haft en workshop efter sin mätomgång", coverage);
    }

    [Theory]
    [InlineData("/sjalvskattning/behov")]
    [InlineData("/sjalvskattning/resultat")]
    public async Task Get_YearWithoutResponses_Is200(string page)
    {
        // The empty grouping set gives one row of NULLs over no responses: it must not reach the page.
        var response = await (await app.As(Nora)).GetAsync($"{page}?ar={AssessmentSamples.NewYear()}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_Needs_Staff_IsRefused()
    {
        Assert.True(IsDenied(await (await app.As(Hugo)).GetAsync("/sjalvskattning/behov")));
    }
}
