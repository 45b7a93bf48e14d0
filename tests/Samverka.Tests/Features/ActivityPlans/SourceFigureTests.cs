using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;

using static Samverka.Tests.Features.ActivityPlans.PlanSamples;
using Samverka.Web.Features.ActivityPlans;
using Samverka.Tests.Features.Agreements;
using Samverka.Web.Features.Agreements;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>
/// Figures the report takes from other features (agreement follow-ups, self-assessment responses, the library-plan
/// register and survey) equal what those features' own pages and API show for the same region and period.
/// </summary>
[Collection(AppCollection.Name)]
public partial class SourceFigureTests(SamverkaFactory app)
{
    [GeneratedRegex(@"^(\d+) av (\d+) kommuner")]
    private static partial Regex PartOfWhole();

    private Task<int> PlanAsync(string county, int year) => app.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var plan = new ActivityPlan { CountyCode = county, Title = $"Källsiffror {UniqueText.Letters()}", StartDate = new(year, 1, 1), EndDate = new(year, 12, 31), CreatedAt = now, UpdatedAt = now };
        db.ActivityPlans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    });

    [Fact]
    public async Task Figures_FollowUpsHeld_EqualTheAgreementsApi_ForTheRegionAndYear()
    {
        var sara = await app.As(Sara);
        var id = await sara.CreateSignedAsync("Avstämd " + UniqueText.Letters(), "2019-01-01", "2020-12-31", "2018-12-20");
        var agreement = await app.AgreementAsync(id);
        var followUp = agreement.FollowUps.OrderBy(f => f.DueOn).First();
        var held = await sara.PostFormAsync($"/overenskommelser/{id}/avstamningar/{followUp.Id}",
            new() { ["HeldOn"] = "2019-06-12", ["Participants"] = "Sara, Lars", [$"Progress[{agreement.Areas.Single().Id}]"] = "Yes" });
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        var planId = await PlanAsync(PlanSamples.Skane, 2019);

        var figures = Figures(await sara.GetDocumentAsync($"/verksamhetsplaner/{planId}"));
        var inApi = 0;
        foreach (var a in (await sara.GetFromJsonAsync<List<AgreementSummaryDto>>("/api/v1/agreements"))!.Where(a => a.CountyCode == PlanSamples.Skane))
            inApi += (await sara.GetFromJsonAsync<List<FollowUpDto>>($"/api/v1/agreements/{a.Id}/follow-ups"))!
                .Count(f => f.HeldOn is { } d && d.Year == 2019);

        Assert.True(inApi >= 1);
        Assert.Equal(inApi.ToString(), figures["overenskommelser.avstamningar"]);
    }

    [Fact]
    public async Task Figures_SelfAssessmentResponses_EqualTheRoundPages()
    {
        // The demo round of Västmanland opened in the autumn of 2018, so a 2018 plan counts its responses.
        var planId = await PlanAsync(PlanSamples.Vastmanland, 2018);
        var viktor = await app.As(Viktor);
        var figures = Figures(await viktor.GetDocumentAsync($"/verksamhetsplaner/{planId}"));
        var rounds = await app.WithDbAsync(db => db.AssessmentRounds.AsNoTracking()
            .Where(r => r.CountyCode == PlanSamples.Vastmanland && r.OpensOn.Year == 2018).Select(r => r.Id).ToListAsync());

        var onPages = 0;
        foreach (var id in rounds)
        {
            var page = await viktor.GetDocumentAsync($"/sjalvskattning/omgangar/{id}");
            var dd = page.QuerySelectorAll("dt").Single(dt => dt.TextContent.Trim() == "Antal svar").NextElementSibling!;
            onPages += int.Parse(Plain(dd.TextContent).Replace(" ", ""));
        }

        Assert.NotEmpty(rounds);
        Assert.True(onPages > 0);
        Assert.Equal(rounds.Count.ToString(), figures["sjalvskattning.omgangar"]);
        Assert.Equal(onPages.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")).Replace('\u00A0', ' '), figures["sjalvskattning.svar"]);
    }

    [Fact]
    public async Task Figures_LibraryPlans_EqualTheRegisterAndSurveyPages_AndTheDemoTextUsesThem()
    {
        var id = await PlanSamples.DemoPlanIdAsync(app);
        var viktor = await app.As(Viktor);
        var report = await viktor.GetDocumentAsync($"/verksamhetsplaner/{id}/berattelse/2019");
        var figures = Figures(report);

        var register = await viktor.GetDocumentAsync("/biblioteksplaner?ar=2019&lan=19");
        var current = PartOfWhole().Match(Plain(register.QuerySelector("#current-summary strong")!.TextContent));
        Assert.Equal(current.Groups[1].Value, figures["biblioteksplaner.aktuella"]);
        Assert.Equal(register.QuerySelectorAll("#lacking-in-force li").Length.ToString(), figures["biblioteksplaner.saknarnastaar"]);
        Assert.Equal("2", figures["biblioteksplaner.saknarnastaar"]); // seed 004: Köping and Västerås

        var surveyId = await app.WithDbAsync(db => db.PlanSurveys.AsNoTracking().Where(s => s.CountyCode == "19" && s.Year == 2019).Select(s => s.Id).SingleAsync());
        var answered = PartOfWhole().Match(Plain((await viktor.GetDocumentAsync($"/biblioteksplaner/enkater/{surveyId}")).QuerySelector("#answered strong")!.TextContent));
        Assert.Equal(answered.Groups[1].Value, figures["biblioteksplaner.enkat.svar"]);
        Assert.Equal(answered.Groups[2].Value, figures["biblioteksplaner.enkat.kommuner"]);

        var text = Plain(string.Join(" ", report.QuerySelectorAll(".outcome-text").Select(p => p.TextContent)));
        Assert.Contains($"som {answered.Groups[1].Value} av {answered.Groups[2].Value} kommuner svarat på (alla utom Arboga)", text);
        Assert.Contains("2 kommuner, Köping och Västerås, kommer att sakna giltig biblioteksplan 2020", text);
    }
}
