using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.Activities;

namespace Samverka.Tests.Features.SelfAssessment;

/// <summary>Answering: anyone with a link, a profile at once, nothing stored that points at the person.</summary>
[Collection(AppCollection.Name)]
public class AnswerPageTests(SamverkaFactory app)
{
    public static async Task<Dictionary<string, string>> FullAnswersAsync(SamverkaFactory app, int roundId, int score = 5, string? municipality = "1283")
    {
        var items = await app.WithDbAsync(db => db.AssessmentRounds.Where(r => r.Id == roundId).SelectMany(r => r.Instrument!.Items)
            .OrderBy(i => i.SortOrder).Select(i => new { i.Id, i.CompetenceCode }).ToListAsync());
        var fields = new Dictionary<string, string>
        {
            ["Input.JobTitle"] = "Bibliotekarie", ["Input.YearsBand"] = "11-20", ["Input.OrganisationSize"] = "20-49",
        };
        if (municipality is not null) fields["Input.MunicipalityCode"] = municipality;
        foreach (var i in items)
            // Security (area 4) lowest, information (area 1) highest: the profile's words are predictable.
            fields[$"Input.Scores[{i.Id}]"] = (i.CompetenceCode[0] switch { '4' => 2, '1' => 7, _ => score }).ToString();
        return fields;
    }

    private Task<int> ResponsesAsync(int roundId) => app.WithDbAsync(db => db.AssessmentResponses.CountAsync(r => r.RoundId == roundId));

    [Fact]
    public async Task Get_RegionalLink_Anonymous_ShowsAStatementFieldsetPerItemWithSevenRadios()
    {
        var round = await AssessmentSamples.CreateRoundAsync(app, "12", 2000);

        var doc = await app.Anonymous().GetDocumentAsync($"/sjalvskattning/svara/{round.Token}");

        var scales = doc.QuerySelectorAll("fieldset.scale");
        Assert.Equal(24, scales.Length);
        Assert.All(scales, f =>
        {
            Assert.NotNull(f.QuerySelector("legend"));
            Assert.Equal(7, f.QuerySelectorAll("input[type=radio]").Length);
        });
        Assert.NotNull(doc.QuerySelector("select#Input_MunicipalityCode"));
        Assert.Contains("DigComp 2.2", doc.QuerySelector(".attribution")!.TextContent);
    }

    [Fact]
    public async Task Get_UnknownToken_Is404()
    {
        var response = await app.Anonymous().GetAsync("/sjalvskattning/svara/ingen-sadan-lank");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_CompleteAnswers_StoresAnonymousResponseAndShowsProfile()
    {
        var round = await AssessmentSamples.CreateRoundAsync(app, "12", 2000);
        var url = $"/sjalvskattning/svara/{round.Token}";

        var response = await app.Anonymous().PostFormAsync(url, await FullAnswersAsync(app, round.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        var words = doc.QuerySelector(".profile-words")!.TextContent;
        Assert.Contains("Informations- och datakunskap: din starkaste sida", words);
        Assert.Contains("Säkerhet: ett område att utveckla", words);
        var chart = doc.QuerySelector("svg.bar-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.NotNull(chart.QuerySelector("title"));
        Assert.NotNull(chart.QuerySelector("desc"));
        Assert.NotNull(doc.QuerySelector("table caption"));
        Assert.Null(doc.QuerySelector("form[method=post]"));
        Assert.Equal(1, await ResponsesAsync(round.Id));
        var stored = await app.WithDbAsync(db => db.AssessmentResponses.Include(r => r.Scores).SingleAsync(r => r.RoundId == round.Id));
        Assert.Equal(("1283", "Bibliotekarie", 24), (stored.MunicipalityCode, stored.JobTitle, stored.Scores.Count));
    }

    [Fact]
    public async Task Post_CompleteAnswers_ProfileLinksOnlyPublishedUpcomingActivitiesForTheWeakestArea()
    {
        var round = await AssessmentSamples.CreateRoundAsync(app, "12", 2000);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var title = "Säker vardag " + UniqueText.Letters(6);
        // Security (theme 4) is the weakest area in FullAnswersAsync: only the first of these may be suggested.
        var upcoming = await AssessmentSamples.AddActivityAsync(app, "12", 4, title, today.AddDays(1));
        var draft = await AssessmentSamples.AddActivityAsync(app, "12", 4, "Utkast " + title, today.AddDays(1), ActivityStatus.Draft);
        var past = await AssessmentSamples.AddActivityAsync(app, "12", 4, "Förr " + title, today.AddDays(-2));

        var doc = await (await app.Anonymous().PostFormAsync($"/sjalvskattning/svara/{round.Token}", await FullAnswersAsync(app, round.Id))).ToDocumentAsync();

        var links = doc.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/aktiviteter/{upcoming}", links);
        Assert.DoesNotContain($"/aktiviteter/{draft}", links);
        Assert.DoesNotContain($"/aktiviteter/{past}", links);
        Assert.Equal(title, doc.QuerySelectorAll("main a").Single(a => a.GetAttribute("href") == $"/aktiviteter/{upcoming}").TextContent);
    }

    [Fact]
    public async Task Post_LibraryLink_FixesLibraryAndMunicipality()
    {
        var round = await AssessmentSamples.CreateRoundAsync(app, "12", 2000);
        var library = await AssessmentSamples.LibraryAsync(app, "Lunds stadsbibliotek");

        var response = await app.Anonymous().PostFormAsync($"/sjalvskattning/svara/{round.LibraryTokens[library]}", await FullAnswersAsync(app, round.Id, municipality: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.AssessmentResponses.SingleAsync(r => r.RoundId == round.Id));
        Assert.Equal(("1281", (int?)library), (stored.MunicipalityCode, stored.LibraryId));
    }

    [Fact]
    public async Task Post_HalfFilledForm_Returns400AndKeepsTheAnswersGiven()
    {
        var round = await AssessmentSamples.CreateRoundAsync(app, "12", 2000);
        var fields = await FullAnswersAsync(app, round.Id, score: 3);
        var scoreKeys = fields.Keys.Where(k => k.StartsWith("Input.Scores", StringComparison.Ordinal)).ToList();
        foreach (var k in scoreKeys.Skip(12)) fields.Remove(k);
        fields.Remove("Input.YearsBand");

        var response = await app.Anonymous().PostFormAsync($"/sjalvskattning/svara/{round.Token}", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        var errors = doc.ErrorMessages();
        Assert.Contains("Välj hur många år du har arbetat i yrket.", errors);
        Assert.Contains("Svara på påstående 13: välj ett värde från 1 till 7.", errors);
        Assert.Equal(13, errors.Length);
        foreach (var k in scoreKeys.Take(12))
        {
            var checkedRadio = doc.QuerySelectorAll($"input[name='{k}']").OfType<IHtmlInputElement>().Single(i => i.IsChecked);
            Assert.Equal(fields[k], checkedRadio.Value);
        }
        Assert.Equal("1283", ((IHtmlSelectElement)doc.QuerySelector("#Input_MunicipalityCode")!).Value);
        Assert.True(doc.QuerySelectorAll("input[name='Input.JobTitle']").OfType<IHtmlInputElement>().Single(i => i.Value == "Bibliotekarie").IsChecked);
        Assert.Equal(0, await ResponsesAsync(round.Id));
    }

    [Theory]
    [InlineData("Input.MunicipalityCode", "0180", "Välj den kommun där du arbetar.")] // Stockholm is not in Skåne's round
    [InlineData("Input.JobTitle", "Rektor", "Välj din yrkestitel.")]
    [InlineData("Input.LibraryId", "abc", "Välj ett bibliotek i listan, eller lämna fältet tomt.")]
    public async Task Post_BadBackground_RendersSwedishErrorAndStoresNothing(string field, string value, string message)
    {
        var round = await AssessmentSamples.CreateRoundAsync(app, "12", 2000);
        var fields = await FullAnswersAsync(app, round.Id);
        fields[field] = value;

        var response = await app.Anonymous().PostFormAsync($"/sjalvskattning/svara/{round.Token}", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(0, await ResponsesAsync(round.Id));
    }

    [Fact]
    public async Task Post_ScoreOutsideScale_IsRefused()
    {
        var round = await AssessmentSamples.CreateRoundAsync(app, "12", 2000);
        var fields = await FullAnswersAsync(app, round.Id);
        fields[fields.Keys.First(k => k.StartsWith("Input.Scores", StringComparison.Ordinal))] = "8";

        var response = await app.Anonymous().PostFormAsync($"/sjalvskattning/svara/{round.Token}", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Påstående 1: svaret måste vara ett värde från 1 till 7.", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(0, await ResponsesAsync(round.Id));
    }

    [Fact]
    public async Task Post_ClosedRound_RefusesTheAnswers()
    {
        var round = await AssessmentSamples.CreateRoundAsync(app, "12", 2000);
        var client = app.Anonymous();
        var token = await client.AntiforgeryTokenAsync($"/sjalvskattning/svara/{round.Token}");
        await app.WithDbAsync(async db => await db.AssessmentRounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClosedEarly, true)));
        var fields = await FullAnswersAsync(app, round.Id);
        fields["__RequestVerificationToken"] = token;

        var response = await client.PostAsync($"/sjalvskattning/svara/{round.Token}", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mätomgången är stängd", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await ResponsesAsync(round.Id));
        var get = await client.GetDocumentAsync($"/sjalvskattning/svara/{round.Token}");
        Assert.Empty(get.QuerySelectorAll("fieldset.scale"));
    }

    [Fact]
    public async Task Post_SignedIn_WritesDoneMarkApartFromTheResponse()
    {
        var round = await AssessmentSamples.CreateRoundAsync(app, "12", 2000);
        var client = await app.As(Hugo);

        var response = await client.PostFormAsync($"/sjalvskattning/svara/{round.Token}", await FullAnswersAsync(app, round.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var marks = await app.WithDbAsync(db => db.AssessmentDoneMarks.Where(d => d.RoundId == round.Id).Select(d => d.UserId).ToListAsync());
        var hugo = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Hugo).Select(u => u.Id).FirstAsync());
        Assert.Equal([hugo], marks);
        Assert.Equal(1, await ResponsesAsync(round.Id));
        // Nothing about this audited: no time or user that could be matched against the response.
        var audited = await app.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.EntityType == "AssessmentResponse" || a.EntityType == "AssessmentScore" || a.EntityType == "AssessmentDoneMark"));
        Assert.Equal(0, audited);
        var again = await client.GetDocumentAsync($"/sjalvskattning/svara/{round.Token}");
        Assert.Contains("Du har redan svarat", again.Body!.TextContent);
    }
}
