using System.Net;
using System.Net.Http.Json;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.ActivityPlans;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>The JSON API for plans: signed-in only, within the same scope as the pages, and in the OpenAPI document.</summary>
[Collection(AppCollection.Name)]
public class ActivityPlansApiTests(SamverkaFactory app)
{
    [Fact]
    public async Task Get_Plans_Anonymous_401()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/activity-plans");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_Plan_OwnRegion_HasAreasFiguresAndRenderedOutcomes()
    {
        var created = await PlanSamples.CreateAsync(app);
        var viktor = await app.As(Viktor);

        var plan = await viktor.GetFromJsonAsync<ActivityPlanDto>($"/api/v1/activity-plans/{created.PlanId}");
        Assert.Equal(("Full", 2), (plan!.View, plan.Areas.Count));
        var figures = Assert.Single(plan.Figures);
        Assert.Equal(10, figures.Figures.Single(f => f.Token == "kommuner.totalt").Value);

        var actions = (await viktor.GetFromJsonAsync<List<PlannedActionDto>>($"/api/v1/activity-plans/{created.PlanId}/actions"))!;
        Assert.True(actions.Single(a => a.Id == created.AutumnActionId).AtRisk);
        Assert.Equal($"Ansvarig {created.Tag}", actions.Single(a => a.Id == created.ActionId).Responsible);

        var outcomes = await viktor.GetFromJsonAsync<List<AreaOutcomeDto>>($"/api/v1/activity-plans/{created.PlanId}/outcomes");
        var outcome = outcomes!.Single(o => o.AreaId == created.AreaId);
        Assert.Contains("{{kommuner.totalt}}", outcome.Text);
        Assert.EndsWith("av 10 kommuner.", outcome.RenderedText);
    }

    [Fact]
    public async Task Get_Plan_OtherRegion_404_SharedArea_OnlyThatArea()
    {
        var unshared = await PlanSamples.CreateAsync(app);
        var shared = await PlanSamples.CreateAsync(app, PlanSamples.Kalmar, shareWith: PlanSamples.Skane);
        var sara = await app.As(Sara);

        Assert.Equal(HttpStatusCode.NotFound, (await sara.GetAsync($"/api/v1/activity-plans/{unshared.PlanId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sara.GetAsync($"/api/v1/activity-plans/{unshared.PlanId}/actions")).StatusCode);
        var list = await sara.GetFromJsonAsync<List<ActivityPlanSummaryDto>>("/api/v1/activity-plans");
        Assert.DoesNotContain(list!, p => p.Id == unshared.PlanId);
        Assert.Contains(list!, p => p.Id == shared.PlanId);

        var plan = await sara.GetFromJsonAsync<ActivityPlanDto>($"/api/v1/activity-plans/{shared.PlanId}");
        Assert.Equal("SharedAreas", plan!.View);
        Assert.Null(plan.Vision);
        Assert.Equal([shared.SharedAreaId], plan.Areas.Select(a => a.Id));
        var actions = (await sara.GetFromJsonAsync<List<PlannedActionDto>>($"/api/v1/activity-plans/{shared.PlanId}/actions"))!;
        Assert.Empty(actions!);
    }

    [Fact]
    public async Task OpenApi_DescribesThePlanEndpoints()
    {
        var json = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/activity-plans/{id}/outcomes", json);
        Assert.Contains("PlannedActionDto", json);
    }
}
