using System.Net;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.Directory;

[Collection(AppCollection.Name)]
public class DirectoryPagesTests(SamverkaFactory app)
{
    [Fact]
    public async Task Get_Counties_Lists21WithRegionalBodies()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/lan");
        var rows = doc.QuerySelectorAll("tbody tr");
        Assert.Equal(21, rows.Length);
        Assert.Contains(rows, r => r.TextContent.Contains("Region Skåne") && r.TextContent.Contains("Skåne län"));
    }

    [Fact]
    public async Task Get_Municipalities_Lists290()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/kommuner");
        Assert.Equal(290, doc.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Get_MunicipalitiesForCounty_FiltersToCounty()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/kommuner?lan=19");
        var names = doc.QuerySelectorAll("tbody tr td:nth-child(2)").Select(td => td.TextContent).ToList();
        Assert.Equal(10, names.Count);
        Assert.Contains("Västerås", names);
    }

    [Fact]
    public async Task Get_MunicipalityPage_ShowsFactsInSwedishFormatAndLibraries()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/kommuner/1280");
        Assert.Equal("Malmö kommun", doc.QuerySelector("h1")!.TextContent);
        var facts = doc.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("365\u00a0644", facts); // sv-SE groups digits with a no-break space
        Assert.Contains("344\u00a0166", facts);
        Assert.Contains("Region Skåne", facts);
        Assert.Contains(doc.QuerySelectorAll("tbody a"), a => a.TextContent == "Malmö stadsbibliotek");
    }

    [Fact]
    public async Task Get_UnknownMunicipality_Returns404InSwedish()
    {
        var response = await app.Anonymous().GetAsync("/kommuner/1299");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Equal("Sidan finns inte", doc.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Get_CountyPage_ListsItsMunicipalities()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/lan/12");
        Assert.Equal(33, doc.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Region Skåne", doc.QuerySelector("dl.facts")!.TextContent);
    }

    [Fact]
    public async Task Get_CachedPublicPage_SignedInUserStillSeesOwnLayout()
    {
        var anonymous = await app.Anonymous().GetDocumentAsync("/lan");
        Assert.Contains(anonymous.QuerySelectorAll("a"), a => a.TextContent == "Logga in");

        var signedIn = await (await app.SignedInAs(Roles.RegionalCoordinator)).GetDocumentAsync("/lan");
        Assert.Contains("Inloggad som Sara Exempelsson", signedIn.QuerySelector(".account")!.TextContent);
    }

    [Fact]
    public async Task Get_CachedMunicipalityPage_ShowsLibraryAddedAfterFirstVisit()
    {
        var before = await app.Anonymous().GetDocumentAsync("/kommuner/0114");
        Assert.DoesNotContain("Cachetest bibliotek", before.Body!.TextContent);
        var editor = await app.SignedInAs(Roles.Admin);
        var created = await editor.PostFormAsync("/bibliotek/ny", new()
        {
            ["Input.Name"] = "Cachetest bibliotek", ["Input.Kind"] = "Folkbibliotek", ["Input.MunicipalityCode"] = "0114",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, created.StatusCode);

        var after = await app.Anonymous().GetDocumentAsync("/kommuner/0114");
        Assert.Contains("Cachetest bibliotek", after.Body!.TextContent);
    }

    [Fact]
    public async Task Get_Start_ShowsCountsFromDatabase()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/");
        var stats = doc.QuerySelector(".stat-list")!.TextContent;
        Assert.Contains("290", stats);
        Assert.Contains("21", stats);
    }
}
