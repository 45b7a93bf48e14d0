using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.SelfAssessment;

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
        await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Activities.Add(new Activity
            {
                Uid = Guid.NewGuid(), Title = title, Kind = ActivityKind.Workshop, CountyCode = "19", OrganiserLibraryId = library,
                Capacity = 20, CreatedAt = now, UpdatedAt = now, Status = ActivityStatus.Published,
                Sessions = [new ActivitySession { Date = new DateOnly(year, 3, 1), StartTime = new TimeOnly(9, 0), EndTime = new TimeOnly(12, 0) }],
                Themes = [new ActivityTheme { ThemeId = 4 }],
            });
            return await db.SaveChangesAsync();
        });

        var doc = await (await app.As(Viktor)).GetDocumentAsync($"/sjalvskattning/behov?ar={year}");

        var text = Plain(doc.Body!.TextContent);
        Assert.Contains("1 av 10 kommuner", text);
        var rows = doc.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("th")!.TextContent == "Västerås").ToList();
        var security = rows.Single(r => r.Children[1].TextContent == "Säkerhet");
        Assert.Contains(title, security.TextContent);
        Assert.Contains("Medel 2,0", Plain(security.TextContent));
    }

    [Fact]
    public async Task Get_Needs_Staff_IsRefused()
    {
        Assert.True(IsDenied(await (await app.As(Hugo)).GetAsync("/sjalvskattning/behov")));
    }
}
