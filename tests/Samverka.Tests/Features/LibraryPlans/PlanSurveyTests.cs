using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.LibraryPlans;

namespace Samverka.Tests.Features.LibraryPlans;

/// <summary>The plan survey: a link per municipality by e-mail, answers without signing in, confirmation before the register changes.</summary>
[Collection(AppCollection.Name)]
public class PlanSurveyTests(SamverkaFactory app)
{
    private const string Malmo = "1280";

    private async Task<(int Survey, string Link)> SendSkaneSurveyAsync(int year)
    {
        var sara = await app.As(Sara);
        var response = await sara.PostFormAsync("/biblioteksplaner/enkater/ny", new() { ["Lan"] = "12", ["Year"] = year.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var survey = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var body = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == Maja && m.Subject.Contains($"Malmö {year}"))
            .Select(m => m.BodyText).SingleAsync());
        var link = Regex.Match(body, @"/biblioteksplaner/enkat/[A-Za-z0-9_-]+").Value;
        return (survey, link);
    }

    private static Dictionary<string, string> Answer(string hasPlan, string expires) => new()
    {
        ["HasPlan"] = hasPlan, ["ExpiresYear"] = expires, ["NewPlanInProgress"] = "nej", ["WantsJointWork"] = "ja",
    };

    [Fact]
    public async Task Post_Answer_ChangesTheRegisterOnlyAfterTheCoordinatorConfirms()
    {
        var (survey, link) = await SendSkaneSurveyAsync(2041);
        var end = new DateOnly(2043, 12, 31);
        var municipality = app.Anonymous();

        var answered = await municipality.PostFormAsync(link, Answer("ja", "2043"));

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Task<int> PlansAsync() => app.WithDbAsync(db => db.LibraryPlans.CountAsync(p => p.MunicipalityCode == Malmo && p.ValidTo == end));
        Assert.Equal(0, await PlansAsync());

        var sara = await app.As(Sara);
        var page = await sara.GetDocumentAsync($"/biblioteksplaner/enkater/{survey}");
        Assert.Equal(32, page.QuerySelectorAll("#non-respondents li").Length);
        Assert.Null(page.QuerySelector($"#non-respondents li[data-code='{Malmo}']"));
        var responseId = await app.WithDbAsync(db => db.PlanSurveyResponses.Where(r => r.SurveyId == survey && r.MunicipalityCode == Malmo).Select(r => r.Id).SingleAsync());

        var nora = await app.As(Nora);
        var refused = await nora.PostFormAsync($"/biblioteksplaner/enkater/{survey}?handler=Confirm", new() { ["ResponseId"] = responseId.ToString() },
            formPage: $"/biblioteksplaner/enkater/{survey}");
        Assert.StartsWith("/konto/nekad", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(0, await PlansAsync());

        var confirmed = await sara.PostFormAsync($"/biblioteksplaner/enkater/{survey}?handler=Confirm", new() { ["ResponseId"] = responseId.ToString() },
            formPage: $"/biblioteksplaner/enkater/{survey}");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(1, await PlansAsync());

        var late = await municipality.PostFormAsync(link, Answer("nej", ""), formPage: "/konto/logga-in"); // the confirmed page has no form left
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(Viktor)).GetAsync($"/biblioteksplaner/enkater/{survey}")).StatusCode);
    }

    [Fact]
    public async Task Post_AnswerWithoutExpiryOrWithBadLink_IsRefused()
    {
        var (survey, link) = await SendSkaneSurveyAsync(2042);
        var client = app.Anonymous();

        var response = await client.PostFormAsync(link, Answer("ja", "snart"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ToDocumentAsync()).ErrorMessages(), e => e.Contains("Ange det år planen går ut"));
        Assert.Null(await app.WithDbAsync(db => db.PlanSurveyResponses.Where(r => r.SurveyId == survey && r.MunicipalityCode == Malmo).Select(r => r.AnsweredAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/biblioteksplaner/enkat/ingen-sadan-enkatlank-finns")).StatusCode);
    }

    [Fact]
    public async Task Get_DemoSurvey_ListsArbogaAsTheOnlyNonRespondent()
    {
        var viktor = await app.As(Viktor);
        var id = await app.WithDbAsync(db => db.PlanSurveys.Where(s => s.CountyCode == "19" && s.Year == PlanDemoData.SurveyYear).Select(s => s.Id).SingleAsync());

        var doc = await viktor.GetDocumentAsync($"/biblioteksplaner/enkater/{id}");

        Assert.Equal([PlanDemoData.Arboga], doc.QuerySelectorAll("#non-respondents li").Select(li => li.GetAttribute("data-code") ?? "").ToArray());
        Assert.Contains("9 av 10 kommuner", doc.QuerySelector("#answered")!.TextContent);
    }
}
