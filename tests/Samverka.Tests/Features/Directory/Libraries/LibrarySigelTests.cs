using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.Directory.Libraries;

/// <summary>The sigel (KB's library code): unique where given, shown, searchable, exported and filterable in the API.</summary>
[Collection(AppCollection.Name)]
public class LibrarySigelTests(SamverkaFactory app)
{
    private static object Library(string name, string? sigel) => new { name, kind = "Filial", municipalityCode = "1280", city = "Malmö", sigel };

    [Fact]
    public async Task Api_CreateWithSigel_IsFilterableSearchableShownAndExported()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var sigel = "Sg" + UniqueText.Letters(6);
        var name = $"Sigeltest {UniqueText.Letters(8)}";
        var created = await admin.PostAsJsonAsync("/api/v1/libraries", Library(name, sigel));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var list = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/libraries?sigel={sigel}");
        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal(sigel, row.GetProperty("sigel").GetString());

        var search = await app.Anonymous().GetDocumentAsync($"/bibliotek?q={sigel.ToLowerInvariant()}");
        Assert.Contains(search.QuerySelectorAll("tbody td a"), a => a.TextContent == name);

        var details = await app.Anonymous().GetDocumentAsync($"/bibliotek/{id}");
        Assert.Contains(sigel, details.QuerySelector("dl.facts")!.TextContent);

        var csv = await (await app.Anonymous().GetAsync($"/bibliotek?handler=Csv&q={sigel}")).Content.ReadAsStringAsync();
        Assert.Contains("sigel", csv.Split('\n')[0]);
        Assert.Contains(sigel, csv);
    }

    [Fact]
    public async Task Api_DuplicateSigel_Is400InSwedishAndNothingIsStored()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var sigel = "Sd" + UniqueText.Letters(6);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/libraries", Library($"Sigelett {UniqueText.Letters(8)}", sigel))).StatusCode);
        var second = await admin.PostAsJsonAsync("/api/v1/libraries", Library($"Sigeltvå {UniqueText.Letters(8)}", sigel));
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("används redan", await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Sigel == sigel)));
    }

    [Fact]
    public async Task Api_BadSigel_Is400()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var response = await admin.PostAsJsonAsync("/api/v1/libraries", Library($"Sigelfel {UniqueText.Letters(8)}", "har mellanslag"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sigeln ska vara", await response.Content.ReadAsStringAsync());
    }
}
