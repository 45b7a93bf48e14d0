using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>The regional team form: employment periods with leave and part-time, as the capacity view then shows them.</summary>
[Collection(AppCollection.Name)]
public class TeamTests(SamverkaFactory app)
{
    [Fact]
    public async Task Post_MemberWithLeaveThenPartTime_ShowsInCapacityPerMonth()
    {
        var created = await PlanSamples.CreateAsync(app);
        var name = $"Amelie {UniqueText.Letters(6)}";
        var viktor = await app.As(Viktor);
        // Seed 004: 100 %, parental leave February–September, then 50 %.
        var response = await viktor.PostFormAsync($"/verksamhetsplaner/{created.PlanId}/personal", new()
        {
            ["Input.Name"] = name, ["Input.Areas"] = created.AreaId.ToString(),
            ["Input.Periods[0].From"] = "2019-01", ["Input.Periods[0].Percent"] = "100",
            ["Input.Periods[1].From"] = "2019-02", ["Input.Periods[1].To"] = "2019-09", ["Input.Periods[1].Percent"] = "0", ["Input.Periods[1].Note"] = "Föräldraledig",
            ["Input.Periods[2].From"] = "2019-10", ["Input.Periods[2].Percent"] = "50 %",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var doc = await viktor.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}");
        var row = doc.QuerySelector($"table.capacity tr[data-area='{created.AreaId}']")!;
        string Cell(string month) => row.QuerySelector($"td[data-month='{month}']")!.TextContent.Replace('\u00A0', ' ').Split(" HT")[0];
        // The sample's member works 100 % except September–November; the new one is away February–September.
        Assert.Equal(["2", "1", "1", "0,5", "1,5"], new[] { "2019-01", "2019-02", "2019-08", "2019-10", "2019-12" }.Select(Cell));
        Assert.Contains(doc.QuerySelectorAll("#personal ~ div table tr"), tr => tr.TextContent.Contains(name) && tr.TextContent.Contains("0 % från feb. 2019 till och med sep. 2019 (Föräldraledig)"));
    }

    [Fact]
    public async Task Post_MemberWithBadPercent_RendersError_AndAddsNobody()
    {
        var created = await PlanSamples.CreateAsync(app);
        var name = $"Person {UniqueText.Letters(6)}";
        var response = await (await app.As(Viktor)).PostFormAsync($"/verksamhetsplaner/{created.PlanId}/personal", new()
        {
            ["Input.Name"] = name, ["Input.Periods[0].From"] = "2019-01", ["Input.Periods[0].Percent"] = "120",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ange tjänstgöringsgrad på rad 1 i procent, 0–100 (0 för ledighet).", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.False(await app.WithDbAsync(db => db.TeamMembers.AnyAsync(m => m.Name == name)));
        Assert.True(IsDenied(await (await app.As(Sara)).GetAsync($"/verksamhetsplaner/{created.PlanId}/personal/{created.MemberOnLeaveId}")));
    }
}
