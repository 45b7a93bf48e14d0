using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;

using static Samverka.Tests.Features.ActivityPlans.PlanSamples;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.ActivityPlans;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>The plan pages: who sees what, figures from data, the capacity view's risk flags, and the demo plan from seed 004.</summary>
[Collection(AppCollection.Name)]
public class PlanPageTests(SamverkaFactory app)
{
    private static Dictionary<string, string> FigureValues(IDocument doc, string? from = null) =>
        doc.QuerySelectorAll(from is null ? "table.plan-figures tr[data-figure]" : $"table.plan-figures[data-from='{from}'] tr[data-figure]")
            .ToDictionary(tr => tr.GetAttribute("data-figure")!, tr => Plain(tr.QuerySelector("td.num")!.TextContent));

    [Fact]
    public async Task Get_PlanList_Anonymous_RedirectsToSignIn()
    {
        var response = await app.Anonymous().GetAsync("/verksamhetsplaner");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/logga-in", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Get_DemoPlan_AsVastmanlandCoordinator_ShowsSeed004Structure()
    {
        var id = await PlanSamples.DemoPlanIdAsync(app);
        var doc = await (await app.As(Viktor)).GetDocumentAsync($"/verksamhetsplaner/{id}");

        var areas = doc.QuerySelectorAll("section.plan-area h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Bibliotekssamverkan", "Folkbibliotekens digitala utveckling", "Folkbibliotekens kvalitetsarbete", "Läs- och litteraturfrämjande verksamhet"], areas);
        Assert.Contains(doc.QuerySelectorAll("#personal ~ div table th[scope=row]"), th => th.TextContent.Trim() == "Amelie Sarlin");
        Assert.Contains("Föräldraledig", doc.QuerySelector("#personal ~ div table")!.TextContent);
        // The KB grant comes from the programme funding row, not from typed text.
        Assert.Equal("440 000 kr", FigureValues(doc)["program.bidrag"]);
        Assert.Contains("sammanlagt 440 000 kr", Plain(doc.Body!.TextContent));
        Assert.DoesNotContain("{{", doc.QuerySelectorAll(".outcome-text").Select(p => p.TextContent).Aggregate("", string.Concat));
        // Design thinking is planned for the autumn while its responsible person is on parental leave in September.
        Assert.Contains(doc.QuerySelectorAll(".risk-list li"), li => li.TextContent.Contains("Design thinking") && li.TextContent.Contains("Amelie Sarlin"));
    }

    [Fact]
    public async Task Get_Plan_OtherRegionsCoordinator_Unshared_Returns404()
    {
        var created = await PlanSamples.CreateAsync(app);
        var sara = await app.As(Sara);
        Assert.Equal(HttpStatusCode.NotFound, (await sara.GetAsync($"/verksamhetsplaner/{created.PlanId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sara.GetAsync($"/verksamhetsplaner/{created.PlanId}/berattelse/2019")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sara.GetAsync($"/verksamhetsplaner/{created.PlanId}?handler=ActionsCsv")).StatusCode);
        var list = await sara.GetDocumentAsync("/verksamhetsplaner");
        Assert.DoesNotContain(list.QuerySelectorAll("td a"), a => a.TextContent.Contains(created.Tag));
    }

    [Fact]
    public async Task Get_Plan_SharedArea_CooperatingRegionSeesOnlyThatArea()
    {
        // Seed 002: Kalmar shares a development area with cooperating regions; here with Skåne (Sara).
        var created = await PlanSamples.CreateAsync(app, PlanSamples.Kalmar, shareWith: PlanSamples.Skane);
        var sara = await app.As(Sara);

        var doc = await sara.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}");

        var areas = doc.QuerySelectorAll("section.plan-area h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal([$"Delat {created.Tag}"], areas);
        Assert.DoesNotContain($"Vision {created.Tag}", doc.Body!.TextContent);
        Assert.Null(doc.QuerySelector("#personal"));
        Assert.Contains($"Delat utfall {created.Tag}", doc.Body.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await sara.GetAsync($"/verksamhetsplaner/{created.PlanId}/berattelse/2019")).StatusCode);
        Assert.Contains((await sara.GetDocumentAsync("/verksamhetsplaner")).QuerySelectorAll("td a"), a => a.TextContent.Contains(created.Tag));
    }

    [Fact]
    public async Task Get_Plan_ManagerInRegion_ReadsPlanWithoutTeam_StaffElsewhere404()
    {
        var created = await PlanSamples.CreateAsync(app);
        var doc = await (await app.As(Ake)).GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}");
        Assert.Contains($"Vision {created.Tag}", doc.Body!.TextContent);
        Assert.Null(doc.QuerySelector("#personal"));
        Assert.Null(doc.QuerySelector($"a[href='/verksamhetsplaner/{created.PlanId}/aktiviteter/{created.ActionId}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(Hugo)).GetAsync($"/verksamhetsplaner/{created.PlanId}")).StatusCode);
    }

    [Fact]
    public async Task Get_PlanList_National_SeesAllPlansAndNationalSummary()
    {
        var created = await PlanSamples.CreateAsync(app, PlanSamples.Kalmar);
        var doc = await (await app.As(Nora)).GetDocumentAsync("/verksamhetsplaner");
        Assert.Contains(doc.QuerySelectorAll("td a"), a => a.TextContent.Contains(created.Tag));
        var row = doc.QuerySelectorAll("table.national-summary tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == "Bibliotekssamverkan");
        Assert.Contains("Västmanlands län", row.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(Nora)).GetAsync($"/verksamhetsplaner/{created.PlanId}")).StatusCode);
    }

    [Fact]
    public async Task Get_NationalSummary_CountsTheActivitiesLinkedToTheArea_TheirParticipants_AndArrangingMunicipalities()
    {
        var created = await PlanSamples.CreateAsync(app);
        var koping = await app.LibraryIdAsync("Köpings bibliotek");
        var linked = await PlanSamples.ActivityAsync(app, PlanSamples.Vastmanland, new(2019, 5, 14), koping);
        var outsidePeriod = await PlanSamples.ActivityAsync(app, PlanSamples.Vastmanland, new(2020, 2, 4), koping);
        await PlanSamples.ActivityAsync(app, PlanSamples.Vastmanland, new(2019, 6, 4), koping); // held in the region, but not linked
        await app.WithDbAsync(async db =>
        {
            var ella = await db.People.IgnoreQueryFilters().SingleAsync(p => p.Email == Ella);
            foreach (var activity in new[] { linked, outsidePeriod })
                db.ActivityRegistrations.Add(new ActivityRegistration { ActivityId = activity, PersonId = ella.Id, Status = RegistrationStatus.Confirmed,
                    CreatedAt = DateTimeOffset.UtcNow, CancelTokenHash = Guid.NewGuid().ToString("N") });
            db.PlannedActionLinks.AddRange(new PlannedActionLink { ActionId = created.ActionId, ActivityId = linked },
                new PlannedActionLink { ActionId = created.AutumnActionId, ActivityId = outsidePeriod });
            return await db.SaveChangesAsync();
        });

        var row = (await (await app.As(Nora)).GetDocumentAsync("/verksamhetsplaner")).QuerySelectorAll("table.national-summary tbody tr")
            .Single(tr => tr.QuerySelector("th")!.TextContent == $"Område {created.Tag}");

        // One linked activity held in the plan's 2019 (the 2020 one is outside it), Ella's registration, Köping arranging.
        Assert.Equal(["Västmanlands län", "1", "1", "1"], row.QuerySelectorAll("td").Select(td => Plain(td.TextContent.Trim())));
    }

    [Fact]
    public async Task DemoPlan_Seed002_KalmarSharesItsBissAreasWithBlekingeAndKronoberg_OnlyThem()
    {
        var plan = await app.WithDbAsync(db => db.ActivityPlans.AsNoTracking().Include(p => p.Areas).ThenInclude(a => a.SharedWith)
            .SingleAsync(p => p.Title == SharedPlanDemoData.Title));
        Assert.Equal(["Ökad digital delaktighet", "Likvärdig digital infrastruktur", "Omvärldsbevakning", "Gemensam kompetensutveckling"],
            plan.Areas.OrderBy(a => a.SortOrder).Select(a => a.Name));
        Assert.All(plan.Areas, a => Assert.Equal(["07", "10"], a.SharedWith.Select(x => x.CountyCode).Order()));

        // The national coordinator sees the shared priorities in the summary; a region outside the cooperation sees nothing.
        var national = await (await app.As(Nora)).GetDocumentAsync("/verksamhetsplaner");
        var row = national.QuerySelectorAll("table.national-summary tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == "Ökad digital delaktighet");
        Assert.Contains("Kalmar län", row.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(Viktor)).GetAsync($"/verksamhetsplaner/{plan.Id}")).StatusCode);
        Assert.DoesNotContain(SharedPlanDemoData.Title, (await (await app.As(Viktor)).GetDocumentAsync("/verksamhetsplaner")).Body!.TextContent);
    }

    [Fact]
    public async Task Get_Capacity_FlagsAutumnActionOfPersonOnLeave_NotTheSpringAction()
    {
        var created = await PlanSamples.CreateAsync(app);
        var doc = await (await app.As(Viktor)).GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}");

        var flagged = doc.QuerySelectorAll(".risk-list li").Select(li => li.GetAttribute("data-action")).ToList();
        Assert.Equal([created.AutumnActionId.ToString()], flagged);
        Assert.Contains("I riskzonen", doc.QuerySelector($"tr[data-action='{created.AutumnActionId}']")!.TextContent);
        var row = doc.QuerySelector($"table.capacity tr[data-area='{created.AreaId}']")!;
        Assert.StartsWith("1 HT / 1", Plain(row.QuerySelector("td[data-month='2019-03']")!.TextContent));
        Assert.StartsWith("0 HT / 1", Plain(row.QuerySelector("td[data-month='2019-10']")!.TextContent));
    }

    [Fact]
    public async Task Get_Plan_FiguresCountHeldActivitiesAndReachedMunicipalities()
    {
        var created = await PlanSamples.CreateAsync(app);
        var before = FigureValues(await (await app.As(Viktor)).GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}"));
        var koping = await app.LibraryIdAsync("Köpings bibliotek");
        await PlanSamples.ActivityAsync(app, PlanSamples.Vastmanland, new(2019, 5, 14), koping, themeId: 1);
        await PlanSamples.ActivityAsync(app, PlanSamples.Vastmanland, new(2020, 2, 1)); // outside the period

        var doc = await (await app.As(Viktor)).GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}");
        var after = FigureValues(doc);

        Assert.Equal(int.Parse(before["aktiviteter.antal"]) + 1, int.Parse(after["aktiviteter.antal"]));
        Assert.Equal(int.Parse(before["aktiviteter.tema.1"]) + 1, int.Parse(after["aktiviteter.tema.1"]));
        Assert.Equal("10", after["kommuner.totalt"]);
        var outcome = doc.QuerySelectorAll(".outcome-text").Single(p => p.TextContent.Contains($"Utfall {created.Tag}")).TextContent;
        Assert.Equal($"Utfall {created.Tag}: {after["aktiviteter.antal"]} aktiviteter i {after["kommuner.nadda"]} av 10 kommuner.", Plain(outcome));
    }

    [Fact]
    public async Task Get_ActionsCsv_ListsActionsWithStatusAndRisk()
    {
        var created = await PlanSamples.CreateAsync(app);
        var response = await (await app.As(Viktor)).GetAsync($"/verksamhetsplaner/{created.PlanId}?handler=ActionsCsv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains($"Område {created.Tag};Höstens aktivitet {created.Tag};Ansvarig {created.Tag};2019-10;2019-12;Planerad;;Ja", csv);
        var outcomes = await (await app.As(Viktor)).GetAsync($"/verksamhetsplaner/{created.PlanId}?handler=OutcomesXlsx");
        Assert.Equal(HttpStatusCode.OK, outcomes.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", outcomes.Content.Headers.ContentType!.MediaType);
    }
}
