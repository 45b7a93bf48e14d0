using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.Programmes;

namespace Samverka.Tests.Features.Programmes.ReferenceGroups;

/// <summary>The reference-group, composer and coverage pages and their API, through the real app.</summary>
[Collection(AppCollection.Name)]
public class ReferenceGroupPagesTests(SamverkaFactory app)
{
    private Task<int> MemberCountAsync(int programme, int year) => app.WithDbAsync(db =>
        db.ReferenceGroupMembers.CountAsync(m => m.ReferenceGroup!.ProgrammeId == programme && m.ReferenceGroup.Year == year));

    [Fact]
    public async Task CoveragePage_Anonymous_ShowsComputedFiguresAndTheUnreached()
    {
        var id = await SkaneSeed.ProgrammeIdAsync(app);
        var response = await app.Anonymous().GetAsync($"/program/{id}/tackning");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Contains("32 av 33", doc.QuerySelector("#coverage-programme")!.TextContent);
        Assert.Contains("inte uppnått", doc.QuerySelector("#coverage-goal")!.TextContent);
        Assert.Equal(["Staffanstorp"], doc.QuerySelectorAll("#not-reached li").Select(li => li.TextContent.Trim()));
        var rows = doc.QuerySelectorAll("#coverage tbody tr").Select(r => r.QuerySelector("th")!.TextContent + ":" + r.QuerySelectorAll("td")[0].TextContent).ToList();
        Assert.Equal(["Hela satsningen:32", "Startpaket:3", "Folkpaket:3", "Ledarpaket:3", "Referensgruppen:32"], rows);
        Assert.DoesNotContain("alla 33", doc.Body!.TextContent);
        Assert.Contains("Andra kommuners anmälningar finns inte i källorna", doc.Body!.TextContent);
    }

    [Fact]
    public async Task CoverageApi_GivesTheSameFigures()
    {
        var id = await SkaneSeed.ProgrammeIdAsync(app);
        using var json = JsonDocument.Parse(await app.Anonymous().GetStringAsync($"/api/v1/programmes/{id}/coverage"));
        var programme = json.RootElement.GetProperty("programme");
        Assert.Equal((32, 33), (programme.GetProperty("reached").GetInt32(), programme.GetProperty("total").GetInt32()));
        Assert.Equal("Staffanstorp", programme.GetProperty("notReached")[0].GetProperty("name").GetString());
        Assert.False(json.RootElement.GetProperty("goalMet").GetBoolean());
        Assert.Equal(3, json.RootElement.GetProperty("offerings")[0].GetProperty("reached").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/api/v1/programmes/999999/coverage")).StatusCode);
    }

    [Fact]
    public async Task ReferenceGroupsApi_ListsEachYearWithSizeClassAndQuadrant()
    {
        var id = await SkaneSeed.ProgrammeIdAsync(app);
        using var json = JsonDocument.Parse(await app.Anonymous().GetStringAsync($"/api/v1/programmes/{id}/reference-groups"));
        var groups = json.RootElement.GetProperty("groups");
        Assert.Equal([2018, 2019, 2020], groups.EnumerateArray().Select(g => g.GetProperty("year").GetInt32()));
        var members2019 = groups[1].GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(15, members2019.Count); // 14 municipalities and Digiteket
        var malmo = members2019.Single(m => m.GetProperty("municipalityName").GetString() == "Malmö");
        Assert.Equal(("över 100 000 invånare", "sydväst", "Malmö stadsbibliotek"),
            (malmo.GetProperty("sizeClass").GetString(), malmo.GetProperty("quadrant").GetString(), malmo.GetProperty("libraryName").GetString()));
        Assert.Contains(members2019, m => m.GetProperty("externalName").GetString() == ProgrammeDemoData.DigiteketMember);
    }

    [Fact]
    public async Task YearPage_Anonymous_ShowsMembersAndSpread_WithoutForms()
    {
        var id = await SkaneSeed.ProgrammeIdAsync(app);
        var doc = await app.Anonymous().GetDocumentAsync($"/program/{id}/referensgrupper/2019");
        var members = doc.QuerySelectorAll("#members-caption ~ tbody tr th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Equal(15, members.Count);
        Assert.Contains("Sjöbo", members);
        Assert.Contains(ProgrammeDemoData.DigiteketMember, members);
        Assert.Contains("Perstorp", doc.QuerySelector("table")!.TextContent);
        Assert.NotNull(doc.QuerySelector("#spread-caption"));
        Assert.DoesNotContain(doc.QuerySelectorAll("button"), b => b.TextContent.Contains("Lägg till") || b.TextContent.Contains("Ta bort"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/program/{id}/referensgrupper/2021")).StatusCode);
    }

    [Fact]
    public async Task AddMember_AsRegionalCoordinator_Adds_AndRefusesDuplicatesAndBadInputInSwedish()
    {
        var id = await SkaneSeed.CreateProgrammeAsync(app);
        var sara = await app.As(Sara);
        var url = $"/program/{id}/referensgrupper/2019";

        var added = await sara.PostFormAsync(url + "?handler=Add", new() { ["Input.MunicipalityCode"] = "1230", ["Input.RepresentativeName"] = "Testperson" }, url);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(1, await MemberCountAsync(id, 2019));

        async Task RefusedAsync(Dictionary<string, string> fields, string message, int year = 2019)
        {
            var before = await app.WithDbAsync(db => db.ReferenceGroupMembers.CountAsync(m => m.ReferenceGroup!.ProgrammeId == id));
            var response = await sara.PostFormAsync($"/program/{id}/referensgrupper/{year}?handler=Add", fields, url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains((await response.ToDocumentAsync()).ErrorMessages(), m => m.Contains(message));
            Assert.Equal(before, await app.WithDbAsync(db => db.ReferenceGroupMembers.CountAsync(m => m.ReferenceGroup!.ProgrammeId == id)));
        }
        await RefusedAsync(new() { ["Input.MunicipalityCode"] = "1230" }, "Staffanstorp är redan med i referensgruppen 2019");
        await RefusedAsync(new() { ["Input.MunicipalityCode"] = "9999" }, "Kommunen 9999 finns inte i satsningens region");
        await RefusedAsync(new() { ["Input.MunicipalityCode"] = "1980" }, "finns inte i satsningens region"); // Västerås
        await RefusedAsync(new(), "Välj en kommun eller skriv namnet på en extern medlem");
        await RefusedAsync(new() { ["Input.MunicipalityCode"] = "1230", ["Input.ExternalName"] = "Digiteket" }, "inte båda");
        await RefusedAsync(new() { ["Input.MunicipalityCode"] = "1281", ["Input.LibraryId"] = (await app.LibraryIdAsync("Malmö stadsbibliotek")).ToString() }, "Biblioteket finns inte i Lund");
        await RefusedAsync(new() { ["Input.MunicipalityCode"] = "1230" }, "Året 2021 ligger utanför satsningens period 2018–2020", year: 2021);

        var external = await sara.PostFormAsync(url + "?handler=Add", new() { ["Input.ExternalName"] = "Digiteket (nationell representant)" }, url);
        Assert.Equal(HttpStatusCode.Redirect, external.StatusCode);
        await RefusedAsync(new() { ["Input.ExternalName"] = "digiteket (nationell representant)" }, "är redan med");
        Assert.Equal(2, await MemberCountAsync(id, 2019));
    }

    [Fact]
    public async Task AddMember_TwoEditorsAtOnce_YieldOneMember()
    {
        var id = await SkaneSeed.CreateProgrammeAsync(app);
        var url = $"/program/{id}/referensgrupper/2020";
        var clients = new[] { await app.As(Sara), await app.As(Admin) };
        var tokens = await Task.WhenAll(clients.Select(c => c.AntiforgeryTokenAsync(url)));
        var responses = await Task.WhenAll(clients.Select((c, i) => c.PostAsync(url + "?handler=Add", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Input.MunicipalityCode"] = "1265", ["__RequestVerificationToken"] = tokens[i] }))));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, ((int)r.StatusCode).ToString()));
        Assert.Equal(1, await MemberCountAsync(id, 2020));
        Assert.Equal(1, await app.WithDbAsync(db => db.ReferenceGroups.CountAsync(g => g.ProgrammeId == id && g.Year == 2020)));
    }

    [Fact]
    public async Task RemoveMember_AsCoordinator_Removes_OthersAreRefused()
    {
        var id = await SkaneSeed.CreateProgrammeAsync(app);
        var url = $"/program/{id}/referensgrupper/2018";
        var member = await app.WithDbAsync(db => db.ReferenceGroupMembers
            .Where(m => m.ReferenceGroup!.ProgrammeId == id && m.MunicipalityCode == "1260").Select(m => m.Id).SingleAsync());

        foreach (var other in new[] { Maja, Nora, Viktor })
        {
            var client = await app.As(other);
            var token = await client.AntiforgeryTokenAsync(url);
            var response = await client.PostAsync(url + "?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["memberId"] = member.ToString(), ["__RequestVerificationToken"] = token,
            }));
            Assert.True(IsDenied(response), $"{other}: {(int)response.StatusCode}");
            Assert.Equal(2, await MemberCountAsync(id, 2018));
        }

        var removed = await (await app.As(Sara)).PostFormAsync(url + "?handler=Remove", new() { ["memberId"] = member.ToString() }, url);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(1, await MemberCountAsync(id, 2018));
    }

    [Fact]
    public async Task ProposalPage_ShowsReasonsForTheSeedProgramme_AndNoCreateOutsideThePeriod()
    {
        var id = await SkaneSeed.ProgrammeIdAsync(app);
        var doc = await (await app.As(Sara)).GetDocumentAsync($"/program/{id}/referensgrupper/forslag?ar=2021&storlek=15");
        var rows = doc.QuerySelectorAll("#proposal-caption ~ tbody tr").ToList();
        Assert.Equal(15, rows.Count);
        Assert.Equal("Staffanstorp", rows[4].QuerySelector("th")!.TextContent);
        Assert.Equal("Aldrig deltagit; mellanstor kommun i sydväst", rows[4].QuerySelector(".reason")!.TextContent);
        Assert.DoesNotContain(doc.QuerySelectorAll("button"), b => b.TextContent.Contains("Skapa referensgruppen"));
        Assert.Contains("utanför satsningens period 2018–2020", doc.Body!.TextContent);

        var bad = await (await app.As(Sara)).GetAsync($"/program/{id}/referensgrupper/forslag?ar=2021&storlek=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains((await bad.ToDocumentAsync()).ErrorMessages(), m => m.StartsWith("Ange en storlek från 4"));
        Assert.True(IsDenied(await (await app.As(Maja)).GetAsync($"/program/{id}/referensgrupper/forslag")));
        Assert.True(IsDenied(await (await app.As(Viktor)).GetAsync($"/program/{id}/referensgrupper/forslag")));
    }

    [Fact]
    public async Task ProposalCreate_MakesTheGroupOnce()
    {
        var id = await SkaneSeed.CreateProgrammeAsync(app);
        var sara = await app.As(Sara);
        var url = $"/program/{id}/referensgrupper/forslag?ar=2019&storlek=5";
        var created = await sara.PostFormAsync(url, new() { ["ar"] = "2019", ["storlek"] = "5" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var members = await app.WithDbAsync(db => db.ReferenceGroupMembers.Where(m => m.ReferenceGroup!.ProgrammeId == id && m.ReferenceGroup.Year == 2019)
            .Select(m => m.MunicipalityCode!).ToListAsync());
        Assert.Equal(5, members.Count);
        Assert.Contains("1280", members); // the partner stays
        Assert.DoesNotContain("1260", members); // Bjuv sat in 2018; enough never-included remain

        var again = await sara.PostFormAsync($"/program/{id}/referensgrupper/forslag", new() { ["ar"] = "2019", ["storlek"] = "5" }, url);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains((await again.ToDocumentAsync()).ErrorMessages(), m => m.Contains("Referensgruppen 2019 finns redan"));
        var outside = await sara.PostFormAsync($"/program/{id}/referensgrupper/forslag", new() { ["ar"] = "2021", ["storlek"] = "5" }, url);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(5, await MemberCountAsync(id, 2019));
        Assert.Equal(0, await MemberCountAsync(id, 2021));
    }
}
