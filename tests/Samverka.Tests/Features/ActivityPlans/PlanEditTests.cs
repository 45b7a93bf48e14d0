using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.ActivityPlans;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>Editing actions (status with reason, audited) and outcomes (figure placeholders), and who may.</summary>
[Collection(AppCollection.Name)]
public class PlanEditTests(SamverkaFactory app)
{
    private static Dictionary<string, string> ActionForm(string text, string status, string? reason = null, string from = "2019-10", string to = "2019-12") => new()
    {
        ["Input.Text"] = text,
        ["Input.Status"] = status,
        ["Input.StatusReason"] = reason ?? "",
        ["Input.PlannedFrom"] = from,
        ["Input.PlannedTo"] = to,
    };

    private Task<PlannedAction> ActionAsync(int id) => app.WithDbAsync(db => db.PlannedActions.AsNoTracking().Include(a => a.Links).SingleAsync(a => a.Id == id));

    [Fact]
    public async Task Post_ActionPostponedWithoutReason_RendersError_AndChangesNothing()
    {
        var created = await PlanSamples.CreateAsync(app);
        var url = $"/verksamhetsplaner/{created.PlanId}/aktiviteter/{created.AutumnActionId}";

        var response = await (await app.As(Viktor)).PostFormAsync(url, ActionForm("Ny text", "Postponed"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ange varför aktiviteten skjuts upp.", (await response.ToDocumentAsync()).ErrorMessages());
        var action = await ActionAsync(created.AutumnActionId);
        Assert.Equal((PlannedActionStatus.Planned, $"Höstens aktivitet {created.Tag}"), (action.Status, action.Text));
    }

    [Theory]
    [InlineData("2019-13", "2019-12", "Ange första månad som ÅÅÅÅ-MM, till exempel 2019-09.")]
    [InlineData("2020-01", "2020-02", "Månaden 2020-01 ligger utanför planens period 2019-01 – 2019-12.")]
    [InlineData("2019-11", "2019-10", "Sista månaden kan inte vara före den första.")]
    public async Task Post_ActionBadMonths_RendersError(string from, string to, string message)
    {
        var created = await PlanSamples.CreateAsync(app);
        var response = await (await app.As(Viktor)).PostFormAsync($"/verksamhetsplaner/{created.PlanId}/aktiviteter/{created.AutumnActionId}",
            ActionForm("Text", "Planned", from: from, to: to));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ToDocumentAsync()).ErrorMessages());
    }

    [Fact]
    public async Task Post_ActionStatusChange_IsSavedAndAudited()
    {
        var created = await PlanSamples.CreateAsync(app);
        var after = await app.WithDbAsync(db => db.AuditEvents.MaxAsync(e => (long?)e.Id)) ?? 0;

        var response = await (await app.As(Viktor)).PostFormAsync($"/verksamhetsplaner/{created.PlanId}/aktiviteter/{created.AutumnActionId}",
            ActionForm($"Höstens aktivitet {created.Tag}", "Postponed", "Föräldraledighet"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var action = await ActionAsync(created.AutumnActionId);
        Assert.Equal((PlannedActionStatus.Postponed, "Föräldraledighet"), (action.Status, action.StatusReason));
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Id > after && e.EntityType == nameof(PlannedAction) && e.EntityId == created.AutumnActionId.ToString()).ToListAsync());
        var e = Assert.Single(audit);
        Assert.Equal("update", e.Action);
        Assert.Equal(Viktor, e.UserEmail);
        Assert.Contains("\"Status\"", e.Changes);
        Assert.Contains("Postponed", e.Changes);
    }

    [Fact]
    public async Task Post_ActionLinksProgramme_OfTheRegionOnly()
    {
        var created = await PlanSamples.CreateAsync(app);
        var vastmanland = await app.WithDbAsync(db => db.Programmes.Where(p => p.Name == ActivityPlanDemoData.ProgrammeName).Select(p => p.Id).SingleAsync());
        var skane = (await Samverka.Tests.Features.Programmes.ProgrammeSamples.CreateAsync(app)).ProgrammeId;
        var url = $"/verksamhetsplaner/{created.PlanId}/aktiviteter/{created.AutumnActionId}";
        var viktor = await app.As(Viktor);

        var refused = await viktor.PostFormAsync(url, new(ActionForm("T", "Planned")) { ["Input.Programmes"] = skane.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty((await ActionAsync(created.AutumnActionId)).Links);

        var ok = await viktor.PostFormAsync(url, new(ActionForm("T", "Ongoing")) { ["Input.Programmes"] = vastmanland.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(vastmanland, Assert.Single((await ActionAsync(created.AutumnActionId)).Links).ProgrammeId);
    }

    [Fact]
    public async Task ActionEdit_OtherRegionOrReaders_AreRefused()
    {
        var created = await PlanSamples.CreateAsync(app);
        var url = $"/verksamhetsplaner/{created.PlanId}/aktiviteter/{created.AutumnActionId}";
        foreach (var who in new[] { Sara, Ake, Nora })
        {
            var client = await app.As(who);
            var refused = await client.GetAsync(url);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/konto/nekad") == true, $"{who}: {refused.StatusCode}");
        }
        // A post from the coordinator of another region changes nothing (the token comes from a page she may open).
        var sara = await app.As(Sara);
        var token = await sara.AntiforgeryTokenAsync("/konto/losenord");
        var post = await sara.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(ActionForm("Kapad", "Done")) { ["__RequestVerificationToken"] = token }));
        Assert.True(IsDenied(post));
        Assert.NotEqual(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(PlannedActionStatus.Planned, (await ActionAsync(created.AutumnActionId)).Status);
        // An action id from another plan is not found under this plan.
        var other = await PlanSamples.CreateAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(Viktor)).GetAsync($"/verksamhetsplaner/{created.PlanId}/aktiviteter/{other.ActionId}")).StatusCode);
    }

    [Fact]
    public async Task Post_OutcomeWithUnknownPlaceholder_RendersError_AndKeepsOldText()
    {
        var created = await PlanSamples.CreateAsync(app);
        var url = $"/verksamhetsplaner/{created.PlanId}/omraden/{created.AreaId}/utfall/2019";

        var response = await (await app.As(Viktor)).PostFormAsync(url, new() { ["Text"] = "Vi nådde {{deltagare.okand}} deltagare." });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Platshållaren {{deltagare.okand}} finns inte. Använd en ur listan över uppgifter.", (await response.ToDocumentAsync()).ErrorMessages());
        var text = await app.WithDbAsync(db => db.AreaOutcomes.Where(o => o.AreaId == created.AreaId && o.Year == 2019).Select(o => o.Text).SingleAsync());
        Assert.StartsWith($"Utfall {created.Tag}", text);
    }

    [Fact]
    public async Task Post_Outcome_RendersPlaceholderAsComputedValue()
    {
        var created = await PlanSamples.CreateAsync(app);
        var viktor = await app.As(Viktor);
        var response = await viktor.PostFormAsync($"/verksamhetsplaner/{created.PlanId}/omraden/{created.SharedAreaId}/utfall/2019",
            new() { ["Text"] = $"Nytt {created.Tag}: {{{{kommuner.totalt}}}} kommuner." });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var doc = await viktor.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}");
        Assert.Contains(doc.QuerySelectorAll(".outcome-text"), p => p.TextContent == $"Nytt {created.Tag}: 10 kommuner.");
    }

    [Fact]
    public async Task OutcomeEdit_YearOutsidePlan_404_OtherRegion_403()
    {
        var created = await PlanSamples.CreateAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(Viktor)).GetAsync($"/verksamhetsplaner/{created.PlanId}/omraden/{created.AreaId}/utfall/2020")).StatusCode);
        var refused = await (await app.As(Sara)).GetAsync($"/verksamhetsplaner/{created.PlanId}/omraden/{created.AreaId}/utfall/2019");
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.OriginalString.Contains("/konto/nekad") == true);
    }
}
