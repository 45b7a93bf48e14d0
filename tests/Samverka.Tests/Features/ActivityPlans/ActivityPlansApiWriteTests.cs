using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.ActivityPlans;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>
/// Writes through the JSON API: the same rules and Swedish messages as the pages (they share the form classes),
/// 404 for a plan the user does not see, 403 for one they only read, and nothing changed on any refusal.
/// </summary>
[Collection(AppCollection.Name)]
public class ActivityPlansApiWriteTests(SamverkaFactory app)
{
    private const string Plans = "/api/v1/activity-plans";

    private static object Head(string title, string? county = null, string start = "2019-01-01", string end = "2019-12-31") => new
    {
        countyCode = county, title, startDate = start, endDate = end, vision = "Ny vision", valuesText = "Nya värden",
        premises = "Nya förutsättningar", assignment = "Nytt uppdrag", staffNote = "En tjänst är vakant", areasIntro = "Områdena i korthet",
    };

    private static object ActionBody(string text, string status = "Planned", string? reason = null, string from = "2019-02", string to = "2019-04",
        int? responsibleId = null, int[]? activityIds = null) =>
        new { text, responsibleId, status, statusReason = reason, plannedFrom = from, plannedTo = to, activityIds = activityIds ?? [] };

    private Task<ActivityPlan> PlanAsync(int id) => app.WithDbAsync(db => db.ActivityPlans.AsNoTracking().AsSplitQuery()
        .Include(p => p.Areas).ThenInclude(a => a.Partners).Include(p => p.Areas).ThenInclude(a => a.SubGoals)
        .Include(p => p.Areas).ThenInclude(a => a.SharedWith).Include(p => p.Areas).ThenInclude(a => a.Outcomes)
        .Include(p => p.Areas).ThenInclude(a => a.Actions).ThenInclude(x => x.Links).SingleAsync(p => p.Id == id));

    private Task<PlannedAction> ActionAsync(int id) => app.WithDbAsync(db => db.PlannedActions.AsNoTracking().Include(a => a.Links).SingleAsync(a => a.Id == id));

    private Task<long> LastAuditIdAsync() => app.WithDbAsync(db => db.AuditEvents.MaxAsync(e => (long?)e.Id)).ContinueWith(t => t.Result ?? 0);

    private static async Task<JsonElement> ErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // ---- Plans ---------------------------------------------------------------------------------

    [Fact]
    public async Task Post_Plan_OwnRegion_Returns201AndCreatesIt()
    {
        var title = $"API-plan {UniqueText.Letters(8)}";
        var response = await (await app.As(Viktor)).PostAsJsonAsync(Plans, Head(title, PlanSamples.Vastmanland, "2027-01-01", "2028-12-31"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dto = (await response.Content.ReadFromJsonAsync<ActivityPlanDto>())!;
        Assert.Equal($"{Plans}/{dto.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal((title, "19", "Full", "En tjänst är vakant"), (dto.Title, dto.CountyCode, dto.View, dto.StaffNote));
        Assert.Equal([2027, 2028], dto.Figures.Select(f => f.Year));
        var plan = await PlanAsync(dto.Id);
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31), "Ny vision"), (plan.StartDate, plan.EndDate, plan.Vision));
    }

    [Fact]
    public async Task Post_Plan_RegionNotCoordinated_Returns400AndCreatesNothing()
    {
        var title = $"Fel region {UniqueText.Letters(8)}";
        var body = await ErrorAsync(await (await app.As(Viktor)).PostAsJsonAsync(Plans, Head(title, PlanSamples.Skane)), HttpStatusCode.BadRequest);

        Assert.Equal("Välj en region som du samordnar.", body.GetProperty("errors").GetProperty("countyCode")[0].GetString());
        Assert.False(await app.WithDbAsync(db => db.ActivityPlans.AnyAsync(p => p.Title == title)));
    }

    [Fact]
    public async Task Post_Plan_LibraryManager_Returns403AndCreatesNothing()
    {
        var title = $"Chefens plan {UniqueText.Letters(8)}";
        var response = await (await app.As(Ake)).PostAsJsonAsync(Plans, Head(title, PlanSamples.Vastmanland));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.ActivityPlans.AnyAsync(p => p.Title == title)));
    }

    [Fact]
    public async Task Put_Plan_ChangesTheHead_KeepsTheRegion()
    {
        var created = await PlanSamples.CreateAsync(app);
        var title = $"Omdöpt {created.Tag}";

        var response = await (await app.As(Viktor)).PutAsJsonAsync($"{Plans}/{created.PlanId}", Head(title));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dto = (await response.Content.ReadFromJsonAsync<ActivityPlanDto>())!;
        Assert.Equal((title, "Ny vision", "Nya värden", "Nya förutsättningar", "Nytt uppdrag", "En tjänst är vakant", "Områdena i korthet"),
            (dto.Title, dto.Vision, dto.ValuesText, dto.Premises, dto.Assignment, dto.StaffNote, dto.AreasIntro));
        var plan = await PlanAsync(created.PlanId);
        Assert.Equal((title, PlanSamples.Vastmanland, "En tjänst är vakant"), (plan.Title, plan.CountyCode, plan.StaffNote));
    }

    [Fact]
    public async Task Put_Plan_InvalidDate_Returns400AndChangesNothing()
    {
        var created = await PlanSamples.CreateAsync(app);

        var body = await ErrorAsync(await (await app.As(Viktor)).PutAsJsonAsync($"{Plans}/{created.PlanId}", Head($"Nytt {created.Tag}", end: "2019-13-45")),
            HttpStatusCode.BadRequest);

        Assert.Equal("Ange slutdatum som ÅÅÅÅ-MM-DD, till exempel 2026-01-01.", body.GetProperty("errors").GetProperty("endDate")[0].GetString());
        Assert.Contains("slutdatum", body.GetProperty("message").GetString());
        var plan = await PlanAsync(created.PlanId);
        Assert.Equal(($"Testplan {created.Tag}", $"Vision {created.Tag}"), (plan.Title, plan.Vision));
    }

    [Fact]
    public async Task Put_Plan_PeriodLeavingActionsOutside_Returns400()
    {
        var created = await PlanSamples.CreateAsync(app);
        var body = await ErrorAsync(await (await app.As(Viktor)).PutAsJsonAsync($"{Plans}/{created.PlanId}", Head("Kortare", end: "2019-06-30")),
            HttpStatusCode.BadRequest);
        Assert.Contains("utanför den nya perioden", body.GetProperty("errors").GetProperty("startDate")[0].GetString());
        Assert.Equal(new DateOnly(2019, 12, 31), (await PlanAsync(created.PlanId)).EndDate);
    }

    // ---- Areas ---------------------------------------------------------------------------------

    [Fact]
    public async Task Post_Area_WithPartnersSubGoalsAndSharing_Returns201()
    {
        var created = await PlanSamples.CreateAsync(app);
        var name = $"Nytt område {created.Tag}";
        var response = await (await app.As(Viktor)).PostAsJsonAsync($"{Plans}/{created.PlanId}/areas", new
        {
            name, description = "Beskrivning",
            partners = new[] { new { kind = "Municipality", name = "Västerås stad", municipalityCode = (string?)"1980" }, new { kind = "Region", name = "Region Skåne", municipalityCode = (string?)null } },
            subGoals = new[] { "Första delmålet", "Andra delmålet" },
            sharedWithCountyCodes = new[] { PlanSamples.Skane },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dto = (await response.Content.ReadFromJsonAsync<DevelopmentAreaDto>())!;
        Assert.Equal((name, "Beskrivning"), (dto.Name, dto.Description));
        Assert.Equal(["Första delmålet", "Andra delmålet"], dto.SubGoals);
        Assert.Equal(["Municipality 1980", "Region "], dto.Partners.Select(p => $"{p.Kind} {p.MunicipalityCode}"));
        Assert.Equal([PlanSamples.Skane], dto.SharedWithCountyCodes);
        var area = (await PlanAsync(created.PlanId)).Areas.Single(a => a.Id == dto.Id);
        Assert.Equal(3, area.SortOrder);
    }

    [Fact]
    public async Task Put_Area_ReplacesPartnersSubGoalsAndSharing()
    {
        var created = await PlanSamples.CreateAsync(app);
        var name = $"Ändrat område {created.Tag}";
        var response = await (await app.As(Viktor)).PutAsJsonAsync($"{Plans}/{created.PlanId}/areas/{created.AreaId}", new
        {
            name, partners = new[] { new { kind = "Supplier", name = "Leverantören" } }, subGoals = new[] { "Nytt delmål" },
            sharedWithCountyCodes = new[] { PlanSamples.Kalmar },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var area = (await PlanAsync(created.PlanId)).Areas.Single(a => a.Id == created.AreaId);
        Assert.Equal(name, area.Name);
        Assert.Null(area.Description);
        Assert.Equal((PartnerKind.Supplier, "Leverantören"), (Assert.Single(area.Partners).Kind, area.Partners[0].Name));
        Assert.Equal("Nytt delmål", Assert.Single(area.SubGoals).Text);
        Assert.Equal(PlanSamples.Kalmar, Assert.Single(area.SharedWith).CountyCode);
    }

    [Fact]
    public async Task Put_Area_UnknownMunicipalityAndOwnRegionShared_Returns400AndChangesNothing()
    {
        var created = await PlanSamples.CreateAsync(app);
        var body = await ErrorAsync(await (await app.As(Viktor)).PutAsJsonAsync($"{Plans}/{created.PlanId}/areas/{created.AreaId}", new
        {
            name = "Annat namn", partners = new[] { new { kind = "Municipality", name = "Påhittad kommun", municipalityCode = "9999" } },
            sharedWithCountyCodes = new[] { PlanSamples.Vastmanland },
        }), HttpStatusCode.BadRequest);

        var errors = body.GetProperty("errors");
        Assert.StartsWith("Kommunkoden 9999 på rad 1 finns inte", errors.GetProperty("partners[0].municipalityCode")[0].GetString());
        Assert.Equal("Välj bara andra regioner att dela med.", errors.GetProperty("sharedWithCountyCodes")[0].GetString());
        var area = (await PlanAsync(created.PlanId)).Areas.Single(a => a.Id == created.AreaId);
        Assert.Equal(($"Område {created.Tag}", "Bibliotekshögskolan i Borås"), (area.Name, Assert.Single(area.Partners).Name));
    }

    [Fact]
    public async Task Delete_Area_RemovesItsActionsAndOutcomes_AndIsAudited()
    {
        var created = await PlanSamples.CreateAsync(app);
        var after = await LastAuditIdAsync();

        var response = await (await app.As(Viktor)).DeleteAsync($"{Plans}/{created.PlanId}/areas/{created.AreaId}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var plan = await PlanAsync(created.PlanId);
        Assert.Equal([created.SharedAreaId], plan.Areas.Select(a => a.Id));
        Assert.False(await app.WithDbAsync(db => db.PlannedActions.AnyAsync(a => a.Id == created.ActionId || a.Id == created.AutumnActionId)));
        Assert.False(await app.WithDbAsync(db => db.AreaOutcomes.AnyAsync(o => o.AreaId == created.AreaId)));
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id > after && e.Action == "delete" && e.UserEmail == Viktor)
            .Select(e => new { e.EntityType, e.EntityId }).ToListAsync());
        Assert.Contains(audit, e => e.EntityType == nameof(DevelopmentArea) && e.EntityId == created.AreaId.ToString());
        Assert.Contains(audit, e => e.EntityType == nameof(PlannedAction) && e.EntityId == created.ActionId.ToString());
        Assert.Contains(audit, e => e.EntityType == nameof(PlannedAction) && e.EntityId == created.AutumnActionId.ToString());
        Assert.Contains(audit, e => e.EntityType == nameof(AreaOutcome));
    }

    // ---- Actions -------------------------------------------------------------------------------

    [Fact]
    public async Task Post_Action_WithResponsibleAndLinkedActivity_Returns201()
    {
        var created = await PlanSamples.CreateAsync(app);
        var activity = await PlanSamples.ActivityAsync(app, PlanSamples.Vastmanland, new DateOnly(2019, 3, 14));
        var text = $"Ny aktivitet {created.Tag}";

        var response = await (await app.As(Viktor)).PostAsJsonAsync($"{Plans}/{created.PlanId}/areas/{created.AreaId}/actions",
            ActionBody(text, responsibleId: created.MemberOnLeaveId, activityIds: [activity]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var dto = (await response.Content.ReadFromJsonAsync<PlannedActionDto>())!;
        Assert.Equal((created.AreaId, text, "Planned", $"Ansvarig {created.Tag}", new DateOnly(2019, 2, 1), new DateOnly(2019, 4, 1)),
            (dto.AreaId, dto.Text, dto.Status, dto.Responsible, dto.PlannedFrom, dto.PlannedTo));
        Assert.Equal([activity], dto.ActivityIds);
        Assert.Equal(activity, Assert.Single((await ActionAsync(dto.Id)).Links).ActivityId);
    }

    [Fact]
    public async Task Put_Action_InvalidMonth_Returns400AndChangesNothing()
    {
        var created = await PlanSamples.CreateAsync(app);
        var body = await ErrorAsync(await (await app.As(Viktor)).PutAsJsonAsync($"{Plans}/{created.PlanId}/actions/{created.ActionId}",
            ActionBody("Ändrad text", from: "2019-13", to: "2020-02")), HttpStatusCode.BadRequest);

        var errors = body.GetProperty("errors");
        Assert.Equal("Ange första månad som ÅÅÅÅ-MM, till exempel 2019-09.", errors.GetProperty("plannedFrom")[0].GetString());
        Assert.StartsWith("Månaden 2020-02 ligger utanför planens period", errors.GetProperty("plannedTo")[0].GetString());
        var action = await ActionAsync(created.ActionId);
        Assert.Equal(($"Vårens aktivitet {created.Tag}", new DateOnly(2019, 3, 1)), (action.Text, action.PlannedFrom));
    }

    [Fact]
    public async Task Put_Action_CancelledWithoutReason_OrForeignLink_Returns400()
    {
        var created = await PlanSamples.CreateAsync(app);
        var skaneActivity = await PlanSamples.ActivityAsync(app, PlanSamples.Skane, new DateOnly(2019, 3, 14));
        var body = await ErrorAsync(await (await app.As(Viktor)).PutAsJsonAsync($"{Plans}/{created.PlanId}/actions/{created.ActionId}",
            ActionBody("Inställd", status: "Cancelled", activityIds: [skaneActivity])), HttpStatusCode.BadRequest);

        var errors = body.GetProperty("errors");
        Assert.Equal("Ange varför aktiviteten ställs in.", errors.GetProperty("statusReason")[0].GetString());
        Assert.Equal("Välj bara aktiviteter i regionens kalender under planens period.", errors.GetProperty("activityIds")[0].GetString());
        var action = await ActionAsync(created.ActionId);
        Assert.Equal(PlannedActionStatus.Planned, action.Status);
        Assert.Empty(action.Links);
    }

    [Fact]
    public async Task Put_Action_SameBadInputAsThePage_GivesTheSameMessages()
    {
        var created = await PlanSamples.CreateAsync(app);
        var viktor = await app.As(Viktor);
        var api = await ErrorAsync(await viktor.PutAsJsonAsync($"{Plans}/{created.PlanId}/actions/{created.ActionId}",
            ActionBody("", status: "Postponed", from: "2019-07", to: "2019-03")), HttpStatusCode.BadRequest);
        var page = await viktor.PostFormAsync($"/verksamhetsplaner/{created.PlanId}/aktiviteter/{created.ActionId}", new()
        {
            ["Input.Text"] = "", ["Input.Status"] = "Postponed", ["Input.StatusReason"] = "", ["Input.PlannedFrom"] = "2019-07", ["Input.PlannedTo"] = "2019-03",
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var apiMessages = api.GetProperty("errors").EnumerateObject().Select(p => p.Value[0].GetString()!).Order().ToList();
        Assert.Equal(3, apiMessages.Count);
        Assert.Equal(apiMessages, (await page.ToDocumentAsync()).ErrorMessages().Order());
    }

    [Fact]
    public async Task Put_Action_StatusChange_IsSavedAndAudited()
    {
        var created = await PlanSamples.CreateAsync(app);
        var after = await LastAuditIdAsync();

        var response = await (await app.As(Viktor)).PutAsJsonAsync($"{Plans}/{created.PlanId}/actions/{created.AutumnActionId}",
            ActionBody($"Höstens aktivitet {created.Tag}", "Postponed", "Föräldraledighet", "2019-10", "2019-12", created.MemberOnLeaveId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dto = (await response.Content.ReadFromJsonAsync<PlannedActionDto>())!;
        Assert.Equal(("Postponed", "Föräldraledighet"), (dto.Status, dto.StatusReason));
        var e = Assert.Single(await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Id > after && e.EntityType == nameof(PlannedAction) && e.EntityId == created.AutumnActionId.ToString()).ToListAsync()));
        Assert.Equal(("update", Viktor), (e.Action, e.UserEmail));
        Assert.Contains("\"Status\"", e.Changes);
        Assert.Contains("Postponed", e.Changes);
    }

    [Fact]
    public async Task Delete_Action_RemovesItAndItsLinks()
    {
        var created = await PlanSamples.CreateAsync(app);
        var activity = await PlanSamples.ActivityAsync(app, PlanSamples.Vastmanland, new DateOnly(2019, 4, 2));
        var viktor = await app.As(Viktor);
        Assert.Equal(HttpStatusCode.OK, (await viktor.PutAsJsonAsync($"{Plans}/{created.PlanId}/actions/{created.ActionId}",
            ActionBody("Med koppling", activityIds: [activity]))).StatusCode);

        var response = await viktor.DeleteAsync($"{Plans}/{created.PlanId}/actions/{created.ActionId}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.PlannedActions.AnyAsync(a => a.Id == created.ActionId)));
        Assert.False(await app.WithDbAsync(db => db.PlannedActionLinks.AnyAsync(l => l.ActionId == created.ActionId)));
        Assert.Equal(HttpStatusCode.NotFound, (await viktor.DeleteAsync($"{Plans}/{created.PlanId}/actions/{created.ActionId}")).StatusCode);
    }

    [Fact]
    public async Task Put_Action_OfAnotherPlan_Returns404()
    {
        var mine = await PlanSamples.CreateAsync(app);
        var other = await PlanSamples.CreateAsync(app);
        var body = await ErrorAsync(await (await app.As(Viktor)).PutAsJsonAsync($"{Plans}/{mine.PlanId}/actions/{other.ActionId}", ActionBody("Fel plan")),
            HttpStatusCode.NotFound);
        Assert.Contains("finns inte i verksamhetsplanen", body.GetProperty("message").GetString());
        Assert.Equal($"Vårens aktivitet {other.Tag}", (await ActionAsync(other.ActionId)).Text);
    }

    // ---- Outcomes ------------------------------------------------------------------------------

    [Fact]
    public async Task Put_Outcome_SavesTextAndRendersFigures()
    {
        var created = await PlanSamples.CreateAsync(app);
        var response = await (await app.As(Viktor)).PutAsJsonAsync($"{Plans}/{created.PlanId}/areas/{created.SharedAreaId}/outcomes/2019",
            new { text = "  Vi nådde alla {{kommuner.totalt}} kommuner.  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dto = (await response.Content.ReadFromJsonAsync<AreaOutcomeDto>())!;
        Assert.Equal(("Vi nådde alla {{kommuner.totalt}} kommuner.", "Vi nådde alla 10 kommuner."), (dto.Text, dto.RenderedText));
        var outcome = Assert.Single((await PlanAsync(created.PlanId)).Areas.Single(a => a.Id == created.SharedAreaId).Outcomes);
        Assert.Equal("Vi nådde alla {{kommuner.totalt}} kommuner.", outcome.Text);
    }

    [Fact]
    public async Task Put_Outcome_UnknownToken_Returns400AndChangesNothing()
    {
        var created = await PlanSamples.CreateAsync(app);
        var body = await ErrorAsync(await (await app.As(Viktor)).PutAsJsonAsync($"{Plans}/{created.PlanId}/areas/{created.AreaId}/outcomes/2019",
            new { text = "Vi nådde {{kommuner.gissat}} kommuner." }), HttpStatusCode.BadRequest);

        Assert.Equal("Platshållaren {{kommuner.gissat}} finns inte. Använd en ur listan över uppgifter.", body.GetProperty("errors").GetProperty("text")[0].GetString());
        var outcome = Assert.Single((await PlanAsync(created.PlanId)).Areas.Single(a => a.Id == created.AreaId).Outcomes);
        Assert.StartsWith($"Utfall {created.Tag}", outcome.Text);
    }

    [Fact]
    public async Task Put_Outcome_YearOutsideThePlan_Returns404()
    {
        var created = await PlanSamples.CreateAsync(app);
        var response = await (await app.As(Viktor)).PutAsJsonAsync($"{Plans}/{created.PlanId}/areas/{created.AreaId}/outcomes/2020", new { text = "Nästa år" });
        Assert.Equal("Verksamhetsplanen " + created.PlanId + " gäller inte år 2020.", (await ErrorAsync(response, HttpStatusCode.NotFound)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Delete_Outcome_RemovesIt_ThenReturns404()
    {
        var created = await PlanSamples.CreateAsync(app);
        var viktor = await app.As(Viktor);
        var url = $"{Plans}/{created.PlanId}/areas/{created.AreaId}/outcomes/2019";

        Assert.Equal(HttpStatusCode.NoContent, (await viktor.DeleteAsync(url)).StatusCode);
        Assert.Empty((await PlanAsync(created.PlanId)).Areas.Single(a => a.Id == created.AreaId).Outcomes);
        Assert.Equal(HttpStatusCode.NotFound, (await viktor.DeleteAsync(url)).StatusCode);
    }

    // ---- Scope and bad input -------------------------------------------------------------------

    /// <summary>One request of every write kind against the sample plan.</summary>
    private static List<Func<HttpClient, Task<HttpResponseMessage>>> EveryWrite(PlanSamples.Created c) =>
    [
        h => h.PutAsJsonAsync($"{Plans}/{c.PlanId}", Head("Kapad")),
        h => h.PostAsJsonAsync($"{Plans}/{c.PlanId}/areas", new { name = "Kapat område" }),
        h => h.PutAsJsonAsync($"{Plans}/{c.PlanId}/areas/{c.SharedAreaId}", new { name = "Kapat område" }),
        h => h.DeleteAsync($"{Plans}/{c.PlanId}/areas/{c.SharedAreaId}"),
        h => h.PostAsJsonAsync($"{Plans}/{c.PlanId}/areas/{c.SharedAreaId}/actions", ActionBody("Kapad aktivitet")),
        h => h.PutAsJsonAsync($"{Plans}/{c.PlanId}/actions/{c.ActionId}", ActionBody("Kapad aktivitet")),
        h => h.DeleteAsync($"{Plans}/{c.PlanId}/actions/{c.ActionId}"),
        h => h.PutAsJsonAsync($"{Plans}/{c.PlanId}/areas/{c.SharedAreaId}/outcomes/2019", new { text = "Kapat utfall" }),
        h => h.DeleteAsync($"{Plans}/{c.PlanId}/areas/{c.SharedAreaId}/outcomes/2019"),
    ];

    private async Task AssertUnchangedAsync(PlanSamples.Created c)
    {
        var plan = await PlanAsync(c.PlanId);
        Assert.Equal($"Testplan {c.Tag}", plan.Title);
        Assert.Equal([c.AreaId, c.SharedAreaId], plan.Areas.Select(a => a.Id).Order());
        Assert.Equal($"Delat {c.Tag}", plan.Areas.Single(a => a.Id == c.SharedAreaId).Name);
        Assert.Equal($"Delat utfall {c.Tag}", Assert.Single(plan.Areas.Single(a => a.Id == c.SharedAreaId).Outcomes).Text);
        Assert.Equal(2, plan.Areas.Sum(a => a.Actions.Count));
        Assert.Equal($"Vårens aktivitet {c.Tag}", (await ActionAsync(c.ActionId)).Text);
    }

    [Fact]
    public async Task Writes_OtherRegionsPlan_Return404AndChangeNothing()
    {
        var created = await PlanSamples.CreateAsync(app);
        var sara = await app.As(Sara);
        foreach (var write in EveryWrite(created))
        {
            var body = await ErrorAsync(await write(sara), HttpStatusCode.NotFound);
            Assert.Equal($"Verksamhetsplanen {created.PlanId} finns inte, eller så får du inte se den.", body.GetProperty("message").GetString());
        }
        await AssertUnchangedAsync(created);
    }

    [Fact]
    public async Task Writes_CooperatingRegionOfASharedArea_Return403AndChangeNothing()
    {
        var created = await PlanSamples.CreateAsync(app, PlanSamples.Kalmar, shareWith: PlanSamples.Skane);
        var sara = await app.As(Sara);
        foreach (var write in EveryWrite(created)) Assert.Equal(HttpStatusCode.Forbidden, (await write(sara)).StatusCode);
        await AssertUnchangedAsync(created);
    }

    [Theory]
    [InlineData(Ake)]   // library manager in Västmanland: reads the plan
    [InlineData(Ella)]  // staff in Västmanland
    [InlineData(Nora)]  // national coordinator: reads every plan
    public async Task Writes_ReaderOfTheRegion_Return403AndChangeNothing(string reader)
    {
        var created = await PlanSamples.CreateAsync(app);
        var client = await app.As(reader);
        foreach (var write in EveryWrite(created))
        {
            var response = await write(client);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("behörighet", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        }
        await AssertUnchangedAsync(created);
    }

    [Fact]
    public async Task Writes_Anonymous_Return401AndChangeNothing()
    {
        var created = await PlanSamples.CreateAsync(app);
        var anonymous = app.Anonymous();
        foreach (var write in EveryWrite(created)) Assert.Equal(HttpStatusCode.Unauthorized, (await write(anonymous)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Plans, Head("Anonym", PlanSamples.Vastmanland))).StatusCode);
        await AssertUnchangedAsync(created);
    }

    [Theory]
    [InlineData("""{"name": """)]
    [InlineData("""{"name": 12, "subGoals": "inte en lista"}""")]
    [InlineData("null")]
    public async Task Put_Area_MalformedJson_Returns400WithSwedishMessageAndChangesNothing(string json)
    {
        var created = await PlanSamples.CreateAsync(app);
        var response = await (await app.As(Viktor)).PutAsync($"{Plans}/{created.PlanId}/areas/{created.AreaId}",
            new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(ApiErrors.InvalidJson, (await ErrorAsync(response, HttpStatusCode.BadRequest)).GetProperty("message").GetString());
        await AssertUnchangedAsync(created);
    }

    [Fact]
    public async Task OpenApi_DescribesTheWrites_WithSummaries()
    {
        using var doc = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        foreach (var (path, method) in new[]
        {
            ("/api/v1/activity-plans", "post"), ("/api/v1/activity-plans/{id}", "put"), ("/api/v1/activity-plans/{id}/areas", "post"),
            ("/api/v1/activity-plans/{id}/areas/{areaId}", "put"), ("/api/v1/activity-plans/{id}/areas/{areaId}", "delete"),
            ("/api/v1/activity-plans/{id}/areas/{areaId}/actions", "post"), ("/api/v1/activity-plans/{id}/actions/{actionId}", "put"),
            ("/api/v1/activity-plans/{id}/actions/{actionId}", "delete"), ("/api/v1/activity-plans/{id}/areas/{areaId}/outcomes/{year}", "put"),
            ("/api/v1/activity-plans/{id}/areas/{areaId}/outcomes/{year}", "delete"),
        })
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"OpenAPI lacks {path}");
            Assert.True(item.TryGetProperty(method, out var operation), $"OpenAPI lacks {method} {path}");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            Assert.True(operation.GetProperty("responses").TryGetProperty("403", out _), $"{method} {path} does not say it may answer 403");
        }
        // Every input field may be left out (the form's checks say which are needed), so none is marked required.
        var input = doc.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("PlannedActionInput");
        Assert.False(input.TryGetProperty("required", out _));
    }
}
