using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.Agreements;

/// <summary>The JSON API: versions, the head of a draft, and the refusal of edits to a signed agreement.</summary>
[Collection(AppCollection.Name)]
public class AgreementApiTests(SamverkaFactory app)
{
    [Fact]
    public async Task Put_SignedAgreement_Is409AndChangesNothing()
    {
        var client = await app.As(Sara);
        var id = await app.MalmoAsync();
        var response = await client.PutAsJsonAsync($"/api/v1/agreements/{id}",
            new { title = "Ändrad", validFrom = "2018-12-01", validTo = "2020-12-31", followUpIntervalMonths = 6 });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("undertecknad", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(Samverka.Web.Features.Agreements.AgreementDemoData.MalmoTitle, (await app.AgreementAsync(id)).Title);
    }

    [Fact]
    public async Task Put_Draft_ValidatesThePeriod_AndRefusesAStaleVersion()
    {
        var client = await app.As(Sara);
        var id = await client.CreateDraftAsync(AgreementSupport.DraftFields("Api " + UniqueText.Letters(), "2021-01-01", "2022-12-31"));
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/agreements/{id}");
        var version = read.GetProperty("version").GetUInt32();

        var bad = await client.PutAsJsonAsync($"/api/v1/agreements/{id}", new { title = "Ny", validFrom = "2022-01-01", validTo = "2021-01-01", followUpIntervalMonths = 6, version });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("validTo", out _));

        var ok = await client.PutAsJsonAsync($"/api/v1/agreements/{id}", new { title = "Ny rubrik", validFrom = "2021-01-01", validTo = "2023-12-31", followUpIntervalMonths = 12, version });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var updated = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, updated.GetProperty("followUps").GetArrayLength()); // 2022-01-01 and 2023-01-01; 2024-01-01 is outside

        var stale = await client.PutAsJsonAsync($"/api/v1/agreements/{id}", new { title = "Gammal", validFrom = "2021-01-01", validTo = "2022-12-31", followUpIntervalMonths = 6, version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Ny rubrik", (await app.AgreementAsync(id)).Title);
    }

    [Fact]
    public async Task Versions_ListBothVersionsOfAnAmendedAgreement()
    {
        var client = await app.As(Sara);
        var id = await client.CreateSignedAsync("Versioner " + UniqueText.Letters(), "2019-01-01", "2020-12-31", "2018-12-20");
        var amend = await client.PostFormAsync($"/overenskommelser/{id}?handler=Amend", [], $"/overenskommelser/{id}");
        var newId = int.Parse(amend.Headers.Location!.OriginalString.Split('/').Last());
        var versions = await client.GetFromJsonAsync<JsonElement>($"/api/v1/agreements/{newId}/versions");
        Assert.Equal([id, newId], versions.EnumerateArray().Select(v => v.GetProperty("id").GetInt32()));
        Assert.Equal(["Ended", "Draft"], versions.EnumerateArray().Select(v => v.GetProperty("status").GetString()));
    }
}
