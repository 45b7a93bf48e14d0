using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.Programmes;

/// <summary>/api/v1/programmes: public reads, enrolment for editors in scope with Swedish errors, one enrolment under concurrency.</summary>
[Collection(AppCollection.Name)]
public class ProgrammesApiTests(SamverkaFactory app)
{
    private static string Plain(string s) => s.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    [Fact]
    public async Task Get_ProgrammesAndDetails_Anonymous()
    {
        var p = await ProgrammeSamples.CreateAsync(app);
        var client = app.Anonymous();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/programmes");
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{p.ProgrammeId}");
        var offerings = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{p.ProgrammeId}/offerings");

        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("id").GetInt32() == p.ProgrammeId);
        Assert.Equal("12", one.GetProperty("regions")[0].GetProperty("countyCode").GetString());
        var ledarpaket = offerings.EnumerateArray().Single(o => o.GetProperty("name").GetString() == "Ledarpaket");
        Assert.Equal(25_000, ledarpaket.GetProperty("maxPopulation").GetInt32());
        Assert.Equal("Högst 25 000 invånare (SCB 2019)", Plain(ledarpaket.GetProperty("rule").GetString()!));
        Assert.Equal("1261", ledarpaket.GetProperty("exceptions")[0].GetProperty("municipalityCode").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/programmes/999999")).StatusCode);
    }

    [Fact]
    public async Task Get_Eligibility_GivesStatusAndExplanationPerMunicipality()
    {
        var p = await ProgrammeSamples.CreateAsync(app);

        var rows = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{p.ProgrammeId}/offerings/{p.LimitedOfferingId}/eligibility");

        Assert.Equal(33, rows.GetArrayLength());
        var kavlinge = rows.EnumerateArray().Single(r => r.GetProperty("municipalityCode").GetString() == "1261");
        Assert.Equal("AdmittedByException", kavlinge.GetProperty("status").GetString());
        Assert.Equal("Kävlinge: 31 705 inv. 2019 > 25 000, antagen som undantag: beslut i styrgruppen", Plain(kavlinge.GetProperty("explanation").GetString()!));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/api/v1/programmes/{p.ProgrammeId}/offerings/999999/eligibility")).StatusCode);
    }

    [Fact]
    public async Task Post_Enrolment_AsEditor_CreatesAndListsIt()
    {
        var p = await ProgrammeSamples.CreateAsync(app);
        var client = await app.As(Sara);

        var response = await client.PostAsJsonAsync($"/api/v1/programmes/{p.ProgrammeId}/enrolments", new { offeringId = p.LimitedOfferingId, municipalityCode = "1275", year = 2019 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{p.ProgrammeId}/enrolments");
        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal(("Perstorp", 2019), (row.GetProperty("municipalityName").GetString(), row.GetProperty("year").GetInt32()));
    }

    [Fact]
    public async Task Post_Enrolment_BadInput_GivesSwedishErrorsAndChangesNothing()
    {
        var p = await ProgrammeSamples.CreateAsync(app);
        var client = await app.As(Admin);
        var url = $"/api/v1/programmes/{p.ProgrammeId}/enrolments";

        var ineligible = await client.PostAsJsonAsync(url, new { offeringId = p.LimitedOfferingId, municipalityCode = "1280", year = 2019 });
        var unknown = await client.PostAsJsonAsync(url, new { offeringId = p.OpenOfferingId, municipalityCode = "9999", year = 2019 });
        var outside = await client.PostAsJsonAsync(url, new { offeringId = p.OpenOfferingId, municipalityCode = "1280", year = 2017 });
        var noOffering = await client.PostAsJsonAsync(url, new { municipalityCode = "1280", year = 2019 });

        Assert.All(new[] { ineligible, unknown, outside, noOffering }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.StartsWith("Malmö uppfyller inte villkoren för Ledarpaket", (await ineligible.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.StartsWith("Kommunen 9999 finns inte.", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal("Året 2017 ligger utanför programmets period 2018–2020.", (await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Enrolments.CountAsync(e => e.Offering!.ProgrammeId == p.ProgrammeId)));
    }

    [Fact]
    public async Task Post_Enrolment_AnonymousOrReaders_AreRefused()
    {
        var p = await ProgrammeSamples.CreateAsync(app);
        var url = $"/api/v1/programmes/{p.ProgrammeId}/enrolments";
        var body = new { offeringId = p.OpenOfferingId, municipalityCode = "1265", year = 2019 };

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync(url, body)).StatusCode);
        foreach (var account in new[] { Nora, Maja, Hugo, Viktor })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(account)).PostAsJsonAsync(url, body)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Enrolments.CountAsync(e => e.OfferingId == p.OpenOfferingId)));
    }

    [Fact]
    public async Task Post_Enrolment_ConcurrentDuplicates_YieldOneEnrolmentAnd409s()
    {
        var p = await ProgrammeSamples.CreateAsync(app);
        var admin = await app.As(Admin);
        var sara = await app.As(Sara);
        var url = $"/api/v1/programmes/{p.ProgrammeId}/enrolments";
        var body = new { offeringId = p.OpenOfferingId, municipalityCode = "1260", year = 2020 }; // Bjuv

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? admin : sara).PostAsJsonAsync(url, body)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var conflict = responses.First(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("Bjuv är redan anslutet till Startpaket för 2020.", (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(1, await app.WithDbAsync(db => db.Enrolments.CountAsync(e => e.OfferingId == p.OpenOfferingId && e.MunicipalityCode == "1260")));
    }

    [Fact]
    public async Task Get_OpenApi_DescribesTheProgrammeEndpoints()
    {
        var doc = await app.Anonymous().GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/programmes/{id}/offerings/{offeringId}/eligibility", doc);
        Assert.Contains("/api/v1/programmes/{id}/enrolments", doc);
    }
}
