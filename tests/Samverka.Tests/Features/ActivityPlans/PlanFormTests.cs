using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.ActivityPlans;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>Creating and editing plans, areas (partners, sub-goals, sharing) and actions, with Swedish errors and scope.</summary>
[Collection(AppCollection.Name)]
public class PlanFormTests(SamverkaFactory app)
{
    private static Dictionary<string, string> PlanForm(string title, string county = "19", string start = "2026-01-01", string end = "2026-12-31") => new()
    {
        ["Input.CountyCode"] = county, ["Input.Title"] = title, ["Input.StartDate"] = start, ["Input.EndDate"] = end,
        ["Input.Vision"] = "Livskraft för framtiden",
    };

    [Fact]
    public async Task Post_NewPlan_AsCoordinator_CreatesPlanInOwnRegion()
    {
        var title = $"Plan {UniqueText.Letters(8)}";
        var response = await (await app.As(Viktor)).PostFormAsync("/verksamhetsplaner/ny", PlanForm(title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = await app.WithDbAsync(db => db.ActivityPlans.AsNoTracking().SingleAsync(p => p.Title == title));
        Assert.Equal(("19", new DateOnly(2026, 12, 31), "Livskraft för framtiden"), (plan.CountyCode, plan.EndDate, plan.Vision));
    }

    [Theory]
    [InlineData("12", "2026-01-01", "2026-12-31", "Välj en region som du samordnar.")]
    [InlineData("19", "2026-13-01", "2026-12-31", "Ange startdatum som ÅÅÅÅ-MM-DD, till exempel 2026-01-01.")]
    [InlineData("19", "2026-06-01", "2026-01-01", "Slutdatum kan inte vara före startdatum.")]
    public async Task Post_NewPlan_BadInput_RendersError_AndCreatesNothing(string county, string start, string end, string message)
    {
        var title = $"Plan {UniqueText.Letters(8)}";
        var response = await (await app.As(Viktor)).PostFormAsync("/verksamhetsplaner/ny", PlanForm(title, county, start, end));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ToDocumentAsync()).ErrorMessages());
        Assert.False(await app.WithDbAsync(db => db.ActivityPlans.AnyAsync(p => p.Title == title)));
    }

    [Fact]
    public async Task Post_NewPlan_TooLongText_RendersError_AndCreatesNothing()
    {
        var title = $"Plan {UniqueText.Letters(8)}";
        var form = PlanForm(title);
        form["Input.AreasIntro"] = new string('a', 20_001);
        var response = await (await app.As(Viktor)).PostFormAsync("/verksamhetsplaner/ny", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ToDocumentAsync()).ErrorMessages(), m => m.StartsWith("Inledningen till utvecklingsområdena får vara högst 20", StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.ActivityPlans.AnyAsync(p => p.Title == title)));
    }

    [Fact]
    public async Task Post_NewPlan_SubHeadingsAndLists_AreShownAsSuch_NotAsMarkup()
    {
        var title = $"Plan {UniqueText.Letters(8)}";
        var form = PlanForm(title);
        form["Input.Premises"] = "Första stycket.\n\n## Nationella utgångspunkter\n\nInledning:\n- ett <b>mål</b>\n- ett annat mål";
        form["Input.AreasIntro"] = "Områdenas inledning.";
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.As(Viktor)).PostFormAsync("/verksamhetsplaner/ny", form)).StatusCode);
        var id = await app.WithDbAsync(db => db.ActivityPlans.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());

        var report = await (await app.As(Viktor)).GetDocumentAsync($"/verksamhetsplaner/{id}/berattelse/2026");
        Assert.Contains("2.1 Nationella utgångspunkter", report.QuerySelectorAll("h3").Select(h => h.TextContent));
        var list = report.QuerySelectorAll("h3").Single(h => h.TextContent == "2.1 Nationella utgångspunkter").NextElementSibling!.NextElementSibling!;
        Assert.Equal(["ett <b>mål</b>", "ett annat mål"], list.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal("Områdenas inledning.", report.QuerySelectorAll("h2").Single(h => h.TextContent == "5 Utvecklingsområden").NextElementSibling!.TextContent);
    }

    [Fact]
    public async Task NewPlan_ManagerOrNational_Refused()
    {
        Assert.True(IsDenied(await (await app.As(Ake)).GetAsync("/verksamhetsplaner/ny")));
        Assert.True(IsDenied(await (await app.As(Nora)).GetAsync("/verksamhetsplaner/ny")));
    }

    [Fact]
    public async Task Post_EditPlan_PeriodExcludingActions_RendersError()
    {
        var created = await PlanSamples.CreateAsync(app);
        var response = await (await app.As(Viktor)).PostFormAsync($"/verksamhetsplaner/{created.PlanId}/redigera", PlanForm("Ny titel", start: "2019-01-01", end: "2019-06-30"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Planens aktiviteter ligger utanför den nya perioden. Flytta dem först.", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.True(IsDenied(await (await app.As(Sara)).GetAsync($"/verksamhetsplaner/{created.PlanId}/redigera")));
    }

    [Fact]
    public async Task Post_AreaWithPartnersGoalsAndSharing_IsSaved_AndSharedRegionSeesIt()
    {
        var created = await PlanSamples.CreateAsync(app);
        var name = $"Nytt område {UniqueText.Letters(6)}";
        var response = await (await app.As(Viktor)).PostFormAsync($"/verksamhetsplaner/{created.PlanId}/omraden", new()
        {
            ["Input.Name"] = name,
            ["Input.SubGoals"] = "Första delmålet\n\nAndra delmålet",
            ["Input.Partners[0].Kind"] = "Municipality", ["Input.Partners[0].Name"] = "Köpings kommun", ["Input.Partners[0].MunicipalityCode"] = "1983",
            ["Input.Partners[1].Kind"] = "NationalLibrary", ["Input.Partners[1].Name"] = "Kungliga biblioteket",
            ["Input.SharedWith"] = PlanSamples.Skane,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var area = await app.WithDbAsync(db => db.DevelopmentAreas.AsNoTracking().Include(a => a.SubGoals).Include(a => a.Partners).Include(a => a.SharedWith).SingleAsync(a => a.Name == name));
        Assert.Equal(["Första delmålet", "Andra delmålet"], area.SubGoals.OrderBy(g => g.SortOrder).Select(g => g.Text));
        Assert.Equal("1983", area.Partners.Single(p => p.Kind == PartnerKind.Municipality).MunicipalityCode);
        Assert.Equal(PlanSamples.Skane, Assert.Single(area.SharedWith).CountyCode);
        var doc = await (await app.As(Sara)).GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}");
        Assert.Contains(doc.QuerySelectorAll("section.plan-area h3"), h => h.TextContent == name);
    }

    [Fact]
    public async Task Post_AreaPartnerWithUnknownMunicipality_RendersError()
    {
        var created = await PlanSamples.CreateAsync(app);
        var response = await (await app.As(Viktor)).PostFormAsync($"/verksamhetsplaner/{created.PlanId}/omraden/{created.AreaId}", new()
        {
            ["Input.Name"] = "Namn",
            ["Input.Partners[0].Kind"] = "Municipality", ["Input.Partners[0].Name"] = "Påhittad kommun", ["Input.Partners[0].MunicipalityCode"] = "9999",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Kommunkoden 9999 på rad 1 finns inte. Ange fyra siffror, till exempel 1980.", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.Equal($"Område {created.Tag}", await app.WithDbAsync(db => db.DevelopmentAreas.Where(a => a.Id == created.AreaId).Select(a => a.Name).SingleAsync()));
    }

    [Fact]
    public async Task Post_NewAction_IsAddedToTheArea()
    {
        var created = await PlanSamples.CreateAsync(app);
        var text = $"Ny aktivitet {UniqueText.Letters(6)}";
        var response = await (await app.As(Viktor)).PostFormAsync($"/verksamhetsplaner/{created.PlanId}/omraden/{created.AreaId}/ny-aktivitet", new()
        {
            ["Input.Text"] = text, ["Input.Status"] = "Planned", ["Input.PlannedFrom"] = "2019-09", ["Input.PlannedTo"] = "2019-09",
            ["Input.ResponsibleId"] = created.MemberOnLeaveId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var action = await app.WithDbAsync(db => db.PlannedActions.AsNoTracking().SingleAsync(a => a.Text == text));
        Assert.Equal((created.AreaId, created.MemberOnLeaveId, new DateOnly(2019, 9, 1)), (action.AreaId, action.ResponsibleId!.Value, action.PlannedFrom));
        Assert.True(IsDenied(await (await app.As(Sara)).GetAsync($"/verksamhetsplaner/{created.PlanId}/omraden/{created.AreaId}/ny-aktivitet")));
    }
}
