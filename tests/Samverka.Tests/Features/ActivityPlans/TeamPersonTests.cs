using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.ActivityPlans;
using Samverka.Web.Features.Directory;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>A team member linked to a person in the directory: the regional unit's own staff only, and the team table links them.</summary>
[Collection(AppCollection.Name)]
public class TeamPersonTests(SamverkaFactory app)
{
    private const string VastmanlandUnit = "Region Västmanland, regional biblioteksverksamhet";
    private const string SkaneUnit = "Region Skåne, regional biblioteksverksamhet";

    /// <summary>A new active person at the library with this name; letters-only name so no personnummer rule trips.</summary>
    private async Task<(int Id, string Name)> PersonAsync(string library)
    {
        var libraryId = await app.LibraryIdAsync(library);
        var tag = UniqueText.Letters(8);
        var name = $"Karin {tag}";
        var id = await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var p = new Person { Name = name, Email = $"karin.{tag}@exempel.se", LibraryId = libraryId, RoleTitle = "Regionbibliotekarie", CreatedAt = now, UpdatedAt = now };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        return (id, name);
    }

    private Task<TeamMember> MemberAsync(int id) => app.WithDbAsync(db => db.TeamMembers.AsNoTracking().SingleAsync(m => m.Id == id));

    [Fact]
    public async Task Post_MemberWithPerson_AndNoName_TakesThePersonsName_AndTheTeamTableLinksThePerson()
    {
        var created = await PlanSamples.CreateAsync(app);
        var (personId, personName) = await PersonAsync(VastmanlandUnit);
        var viktor = await app.As(Viktor);

        var response = await viktor.PostFormAsync($"/verksamhetsplaner/{created.PlanId}/personal", new()
        {
            ["Input.PersonId"] = personId.ToString(), ["Input.Name"] = "  ", ["Input.Periods[0].From"] = "2019-01", ["Input.Periods[0].Percent"] = "100",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var member = await app.WithDbAsync(db => db.TeamMembers.AsNoTracking().SingleAsync(m => m.PlanId == created.PlanId && m.PersonId == personId));
        Assert.Equal(personName, member.Name);
        var doc = await viktor.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}");
        var link = doc.QuerySelector($"#personal ~ div table tr[data-member='{member.Id}'] th[scope=row] a");
        Assert.NotNull(link);
        Assert.Equal($"/personer/{personId}", link!.GetAttribute("href"));
        Assert.Equal(personName, link.TextContent.Trim());
        // A member without a directory person stays plain text in the name cell.
        Assert.Null(doc.QuerySelector($"#personal ~ div table tr[data-member='{created.MemberOnLeaveId}'] th[scope=row] a"));
        // Editing the member shows the person chosen, and a typed name is kept beside the link.
        var form = await viktor.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}/personal/{member.Id}");
        Assert.Equal(personId.ToString(), form.QuerySelector("#Input_PersonId option[selected]")?.GetAttribute("value"));
        var renamed = await viktor.PostFormAsync($"/verksamhetsplaner/{created.PlanId}/personal/{member.Id}", new()
        {
            ["Input.PersonId"] = personId.ToString(), ["Input.Name"] = "Karin Kallas",
        });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(("Karin Kallas", (int?)personId), ((await MemberAsync(member.Id)).Name, (await MemberAsync(member.Id)).PersonId));
    }

    [Fact]
    public async Task Get_MemberForm_OffersOnlyTheRegionalUnitsStaff()
    {
        var created = await PlanSamples.CreateAsync(app);
        var (own, _) = await PersonAsync(VastmanlandUnit);
        var (skane, _) = await PersonAsync(SkaneUnit);
        var viktorId = await app.PersonIdAsync(Viktor);
        var akeId = await app.PersonIdAsync(Ake); // Västerås stadsbibliotek: in the county, but not the regional unit

        var doc = await (await app.As(Viktor)).GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}/personal");

        var options = doc.QuerySelectorAll("#Input_PersonId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal("", options[0]);
        Assert.Contains(own.ToString(), options);
        Assert.Contains(viktorId.ToString(), options);
        Assert.DoesNotContain(skane.ToString(), options);
        Assert.DoesNotContain(akeId.ToString(), options);
        Assert.NotNull(doc.QuerySelector("label[for=Input_PersonId]"));
    }

    [Theory]
    [InlineData("skane")]
    [InlineData("county")]
    [InlineData("999999999")]
    [InlineData("nisse")]
    public async Task Post_MemberWithPersonNotOfTheRegionalUnit_RendersError_AndChangesNothing(string which)
    {
        var created = await PlanSamples.CreateAsync(app);
        var personId = which switch
        {
            "skane" => (await PersonAsync(SkaneUnit)).Id.ToString(),
            "county" => (await app.PersonIdAsync(Ake)).ToString(),
            _ => which,
        };
        var url = $"/verksamhetsplaner/{created.PlanId}/personal/{created.MemberOnLeaveId}";
        // The administrator sees every person in the directory, yet only Västmanland's regional unit may be chosen.
        foreach (var client in new[] { await app.As(Viktor), await app.As(Admin) })
        {
            var response = await client.PostFormAsync(url, new() { ["Input.PersonId"] = personId, ["Input.Name"] = "Kapad" });

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Välj en person ur listan. Bara regionens egen personal i katalogen kan kopplas till teamet.", (await response.ToDocumentAsync()).ErrorMessages());
        }
        var member = await MemberAsync(created.MemberOnLeaveId);
        Assert.Equal(($"Ansvarig {created.Tag}", (int?)null), (member.Name, member.PersonId));
    }

    [Fact]
    public async Task Post_MemberWithoutNameOrPerson_RendersError()
    {
        var created = await PlanSamples.CreateAsync(app);
        var response = await (await app.As(Viktor)).PostFormAsync($"/verksamhetsplaner/{created.PlanId}/personal", new() { ["Input.Name"] = "", ["Input.PersonId"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ange namnet, eller välj en person ur katalogen.", (await response.ToDocumentAsync()).ErrorMessages());
    }
}
