using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.Agreements;

/// <summary>Seeds 000, 001 and 003 as demo data: the agreements as they stand, their follow-ups, the overview.</summary>
[Collection(AppCollection.Name)]
public class AgreementDemoTests(SamverkaFactory app)
{
    [Fact]
    public async Task Malmo_Seed000_PeriodSignatoriesAndOverdueFollowUps()
    {
        var client = await app.As(Sara);
        var id = await app.MalmoAsync();
        var doc = await client.GetDocumentAsync($"/overenskommelser/{id}");
        var facts = doc.QuerySelector(".facts")!.TextContent;
        Assert.Contains("2018-12-01 – 2020-12-31", facts);
        Assert.Contains("Malmö 2018-12-06", facts);
        Assert.Contains("Inget angivet", facts); // seed 000 has no registry number
        var text = doc.Body!.TextContent;
        Assert.Contains("Torbjörn Nilsson", text);
        Assert.Contains("Maria Tsakiris", text);
        Assert.Contains("Parterna utgörs av Region Skånes kulturförvaltning och Biblioteken i Malmö.", text);
        var rows = doc.QuerySelectorAll("#followups-caption ~ tbody tr").ToList();
        Assert.Equal(["2019-06-01", "2019-12-01", "2020-06-01", "2020-12-01"], rows.Select(r => r.QuerySelector("th")!.TextContent.Trim()));
        // None is recorded in the sources, and all lie before today: each is flagged overdue.
        Assert.All(rows, r => Assert.Contains("Försenad", r.TextContent));
    }

    [Fact]
    public async Task Helsingborg_Seed001_RegistryNumberThemesAndNumberedNeeds()
    {
        var client = await app.As(Sara);
        var id = await app.HelsingborgAsync();
        var doc = await client.GetDocumentAsync($"/overenskommelser/{id}");
        Assert.Contains("2019-000153", doc.QuerySelector(".facts")!.TextContent);
        var needs = doc.QuerySelectorAll(".agreement-document ol li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, needs.Count);
        Assert.StartsWith("Bemötande.", needs[0]);
        Assert.StartsWith("Pedagogik och handledning.", needs[1]);
        Assert.Contains("Teman: Bemötande, Pedagogik och handledning", doc.QuerySelector(".agreement-document")!.TextContent);
        Assert.Contains("Catharina Isberg", doc.Body!.TextContent);
    }

    [Fact]
    public async Task Overview_ShowsAllFourSkaneAgreements_OverdueFirst()
    {
        var client = await app.As(Sara);
        var doc = await client.GetDocumentAsync("/overenskommelser");
        var rows = doc.QuerySelectorAll("tbody tr").ToList();
        foreach (var party in new[] { "Biblioteken i Malmö", "Helsingborgs stadsbibliotek", "Kristianstads stadsbibliotek", "Lunds stadsbibliotek" })
            Assert.Contains(rows, r => r.TextContent.Contains(party));
        // Rows with an overdue follow-up come before all others.
        var overdue = rows.Select(r => r.ClassList.Contains("overdue")).ToList();
        Assert.True(overdue[0]);
        Assert.Equal(overdue.Count(o => o), overdue.TakeWhile(o => o).Count());
    }

    [Fact]
    public async Task Overview_Exports_CsvAndXlsx()
    {
        var client = await app.As(Sara);
        var csv = await client.GetAsync("/overenskommelser?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var body = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Nästa avstämning", body);
        Assert.Contains("2019-000153", body);
        var xlsx = await client.GetAsync("/overenskommelser?handler=Xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Api_FollowUps_OfMalmo_AreListedAndOverdue()
    {
        var client = await app.As(Sara);
        var id = await app.MalmoAsync();
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/agreements/{id}/follow-ups");
        Assert.Equal(4, list.GetArrayLength());
        Assert.All(list.EnumerateArray(), f => Assert.True(f.GetProperty("overdue").GetBoolean()));
        var agreement = await client.GetFromJsonAsync<JsonElement>($"/api/v1/agreements/{id}");
        Assert.Equal("Ended", agreement.GetProperty("status").GetString());
        Assert.Equal(2, agreement.GetProperty("parties").GetArrayLength());
    }

    [Fact]
    public async Task OpenApi_DescribesTheAgreementsApi()
    {
        var json = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/agreements/{id}/follow-ups", json);
        Assert.Contains("/api/v1/agreements/{id}/versions", json);
    }
}
