using System.Net.Http.Json;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;

using static Samverka.Tests.Features.ActivityPlans.PlanSamples;
using Samverka.Web.Features.ActivityPlans;
using Samverka.Tests.Features.Agreements;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>
/// Actions linked to agreements and self-assessment rounds (within the region only), and the figures taken from
/// other features, which must equal what those features' own pages show for the same region and period.
/// </summary>
[Collection(AppCollection.Name)]
public partial class PlanLinkAndFigureTests(SamverkaFactory app)
{
    private static Dictionary<string, string> ActionForm(string status = "Ongoing") => new()
    {
        ["Input.Text"] = "Länkad aktivitet", ["Input.Status"] = status, ["Input.StatusReason"] = "",
        ["Input.PlannedFrom"] = "2019-10", ["Input.PlannedTo"] = "2019-12",
    };

    private Task<List<PlannedActionLink>> LinksAsync(int actionId) =>
        app.WithDbAsync(db => db.PlannedActionLinks.AsNoTracking().Where(l => l.ActionId == actionId).ToListAsync());

    [GeneratedRegex(@"^(\d+) bekräftade deltagare, (\d+) närvarande")]
    private static partial Regex StatisticsLine();

    [Fact]
    public async Task Post_ActionLinksAgreementAndRound_OfTheRegionOnly_AndPlanShowsThem()
    {
        var created = await PlanSamples.CreateAsync(app);
        var url = $"/verksamhetsplaner/{created.PlanId}/aktiviteter/{created.AutumnActionId}";
        var skaneAgreement = await app.MalmoAsync();
        var (ownRound, ownRoundName, skaneRound) = await app.WithDbAsync(async db =>
        {
            var own = await db.AssessmentRounds.Where(r => r.CountyCode == PlanSamples.Vastmanland).OrderBy(r => r.Id).FirstAsync();
            var other = await db.AssessmentRounds.Where(r => r.CountyCode != PlanSamples.Vastmanland).Select(r => r.Id).FirstAsync();
            return (own.Id, own.Name, other);
        });
        var viktor = await app.As(Viktor);

        var agreementRefused = await viktor.PostFormAsync(url, new(ActionForm()) { ["Input.Agreements"] = skaneAgreement.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, agreementRefused.StatusCode);
        Assert.Contains("Välj bara överenskommelser som regionen har under planens period.", (await agreementRefused.ToDocumentAsync()).ErrorMessages());
        var roundRefused = await viktor.PostFormAsync(url, new(ActionForm()) { ["Input.Rounds"] = skaneRound.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, roundRefused.StatusCode);
        Assert.Empty(await LinksAsync(created.AutumnActionId));
        Assert.Equal(PlannedActionStatus.Planned, (await app.WithDbAsync(db => db.PlannedActions.SingleAsync(a => a.Id == created.AutumnActionId))).Status);

        // The form offers the region's own round (opened before the plan ends) and not the other region's agreement.
        var form = await viktor.GetDocumentAsync(url);
        Assert.NotNull(form.QuerySelector($"input[name='Input.Rounds'][value='{ownRound}']"));
        Assert.Null(form.QuerySelector($"input[name='Input.Agreements'][value='{skaneAgreement}']"));

        var ok = await viktor.PostFormAsync(url, new(ActionForm()) { ["Input.Rounds"] = ownRound.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(ownRound, Assert.Single(await LinksAsync(created.AutumnActionId)).RoundId);
        var plan = await viktor.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}");
        Assert.Contains($"Självskattning: {ownRoundName}", plan.QuerySelector($"tr[data-action='{created.AutumnActionId}']")!.TextContent);
        var report = await viktor.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}/berattelse/2019");
        Assert.Contains($"Självskattning: {ownRoundName}", report.Body!.TextContent);
    }

    [Fact]
    public async Task Post_AgreementLink_FromAnotherRegionsCoordinator_IsRefused_AndNothingChanges()
    {
        var created = await PlanSamples.CreateAsync(app);
        var sara = await app.As(Sara);
        var token = await sara.AntiforgeryTokenAsync("/konto/losenord");
        var post = await sara.PostAsync($"/verksamhetsplaner/{created.PlanId}/aktiviteter/{created.AutumnActionId}",
            new FormUrlEncodedContent(new Dictionary<string, string>(ActionForm()) { ["Input.Agreements"] = (await app.MalmoAsync()).ToString(), ["__RequestVerificationToken"] = token }));
        Assert.True(IsDenied(post));
        Assert.Empty(await LinksAsync(created.AutumnActionId));
    }

    [Fact]
    public async Task Post_AgreementLink_OfTheOwnRegion_IsSavedAndShown()
    {
        var sara = await app.As(Sara);
        var title = "Plankopplad " + UniqueText.Letters();
        var agreementId = await sara.CreateSignedAsync(title, "2019-01-01", "2020-12-31", "2018-12-20");
        var created = await PlanSamples.CreateAsync(app, PlanSamples.Skane);

        var ok = await sara.PostFormAsync($"/verksamhetsplaner/{created.PlanId}/aktiviteter/{created.AutumnActionId}",
            new(ActionForm()) { ["Input.Agreements"] = agreementId.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(agreementId, Assert.Single(await LinksAsync(created.AutumnActionId)).AgreementId);
        var plan = await sara.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}");
        Assert.Contains($"Överenskommelse: {title}", plan.QuerySelector($"tr[data-action='{created.AutumnActionId}']")!.TextContent);
    }

    [Fact]
    public async Task Figures_AgreementsInForce_EqualTheAgreementsOverview()
    {
        var sara = await app.As(Sara);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await sara.CreateSignedAsync("Gällande " + UniqueText.Letters(), $"{today.Year - 1}-01-01", $"{today.Year + 2}-12-31", $"{today.Year - 2}-12-20");
        var planId = await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var plan = new ActivityPlan { CountyCode = PlanSamples.Skane, Title = "Innevarande " + UniqueText.Letters(), StartDate = new(today.Year, 1, 1), EndDate = new(today.Year, 12, 31), CreatedAt = now, UpdatedAt = now };
            db.ActivityPlans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });

        var figures = Figures(await sara.GetDocumentAsync($"/verksamhetsplaner/{planId}"));
        var overview = await sara.GetDocumentAsync("/overenskommelser");
        var inForce = overview.QuerySelectorAll("tbody tr").Count(tr => tr.Children[2].TextContent.Trim().StartsWith("Gällande", StringComparison.Ordinal));

        Assert.True(inForce >= 1);
        Assert.Equal(inForce.ToString(), figures["overenskommelser.gallande"]);
    }

    [Fact]
    public async Task Figures_Participants_EqualTheStatisticsPage_ForRegionAndYear()
    {
        var id = await PlanSamples.DemoPlanIdAsync(app);
        var figures = Figures(await (await app.As(Viktor)).GetDocumentAsync($"/verksamhetsplaner/{id}"));
        var stats = await app.Anonymous().GetDocumentAsync("/aktiviteter/statistik?ar=2019&lan=19");
        var line = stats.QuerySelectorAll("p").Select(p => StatisticsLine().Match(p.TextContent.Trim())).Single(m => m.Success);

        Assert.NotEqual("0", figures["deltagare.antal"]);
        Assert.Equal(line.Groups[1].Value, figures["deltagare.antal"]);
        Assert.Equal(line.Groups[2].Value, figures["deltagare.narvarande"]);
        var themes = await app.WithDbAsync(db => db.Themes.AsNoTracking().ToListAsync());
        var perTheme = stats.QuerySelectorAll("#s-theme").Single().Closest("table")!.QuerySelectorAll("tbody tr")
            .ToDictionary(tr => tr.QuerySelector("th")!.TextContent.Trim(), tr => tr.Children[2].TextContent.Trim());
        foreach (var t in themes)
            Assert.Equal(perTheme.GetValueOrDefault(t.Name, "0"), figures[$"deltagare.tema.{t.Id}"]);
    }

    [Fact]
    public async Task DemoPlan_TrainingDaysAndWorkshopsComeFromData()
    {
        var id = await PlanSamples.DemoPlanIdAsync(app);
        var viktor = await app.As(Viktor);
        var report = await viktor.GetDocumentAsync($"/verksamhetsplaner/{id}/berattelse/2019");
        var figures = Figures(report);

        Assert.Equal("4", figures["aktiviteter.kopplade"]);
        var digital = Plain(string.Join(" ", report.QuerySelectorAll(".outcome-text").Select(p => p.TextContent)));
        Assert.Contains("4 utbildningstillfällen har genomförts", digital);
        Assert.Contains($"workshops i {figures["sjalvskattning.workshopkommuner"]} av 10 kommuner", digital);
        Assert.Contains($"{figures["deltagare.antal"]} anmälda deltagare", digital);
        Assert.DoesNotContain("{{", digital);

        // The workshop figure is the self-assessment needs page's "n av m kommuner" for the region's round.
        var round = await app.WithDbAsync(db => db.AssessmentRounds.AsNoTracking().Where(r => r.CountyCode == PlanSamples.Vastmanland && r.OpensOn <= new DateOnly(2019, 12, 31))
            .OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.Id).FirstAsync());
        var needs = await viktor.GetDocumentAsync($"/sjalvskattning/behov?ar={round.OpensOn.Year}");
        var coverage = needs.QuerySelectorAll("li strong").Select(s => s.TextContent).Single(t => t.StartsWith(round.Name + ":", StringComparison.Ordinal));
        Assert.Contains($": {figures["sjalvskattning.workshopkommuner"]} av 10 kommuner", coverage);

        var links = await app.WithDbAsync(db => db.PlannedActions.AsNoTracking().Include(a => a.Links).Where(a => a.Area!.PlanId == id).ToListAsync());
        Assert.Equal(4, links.Single(a => a.Text.StartsWith("Anordna kompetensdagar", StringComparison.Ordinal)).Links.Count(l => l.ActivityId != null));
        Assert.Equal(round.Id, links.Single(a => a.Text.Contains("utifrån självskattningstestet")).Links.Single(l => l.RoundId != null).RoundId);
    }

    [Fact]
    public async Task Api_Actions_ListAgreementAndRoundLinks()
    {
        var id = await PlanSamples.DemoPlanIdAsync(app);
        var actions = (await (await app.As(Viktor)).GetFromJsonAsync<List<Samverka.Web.Features.ActivityPlans.PlannedActionDto>>($"/api/v1/activity-plans/{id}/actions"))!;
        var workshops = actions.Single(a => a.Text.Contains("utifrån självskattningstestet"));
        Assert.Single(workshops.RoundIds);
        Assert.Empty(workshops.AgreementIds);
        Assert.Equal(4, actions.Single(a => a.Text.StartsWith("Anordna kompetensdagar", StringComparison.Ordinal)).ActivityIds.Count);
    }
}
