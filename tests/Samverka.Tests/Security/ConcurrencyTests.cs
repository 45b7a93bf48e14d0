using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory;

namespace Samverka.Tests.Security;

/// <summary>Item 6: the same record edited in two tabs; the second save is refused and nothing is silently overwritten.</summary>
[Collection(AppCollection.Name)]
public class ConcurrencyTests(SamverkaFactory app)
{
    private const string StaleMessage = "medan du redigerade. Jämför och spara igen.";

    private async Task<int> NewLibraryAsync(string name)
    {
        var now = DateTimeOffset.UtcNow;
        return await app.WithDbAsync(async db =>
        {
            var l = new Library { Name = name, Kind = LibraryKind.Filial, MunicipalityCode = "1280", City = "Malmö", CreatedAt = now, UpdatedAt = now };
            db.Libraries.Add(l);
            await db.SaveChangesAsync();
            return l.Id;
        });
    }

    private async Task<int> NewPersonAsync(string name, string email)
    {
        var now = DateTimeOffset.UtcNow;
        return await app.WithDbAsync(async db =>
        {
            var libraryId = await db.Libraries.Where(l => l.Name == "Malmö stadsbibliotek").Select(l => l.Id).SingleAsync();
            var p = new Person { Name = name, Email = email, LibraryId = libraryId, RoleTitle = "Bibliotekarie", CreatedAt = now, UpdatedAt = now };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
    }

    private static async Task<Dictionary<string, string>> OpenTabAsync(HttpClient client, string url)
    {
        var doc = await client.GetDocumentAsync(url);
        var fields = FormFields.Of(doc);
        Assert.True(fields.ContainsKey("Version"), "the edit form carries the row version");
        Assert.True(fields.ContainsKey("__RequestVerificationToken"));
        return fields;
    }

    [Fact]
    public async Task Post_LibraryEditFromStaleTab_RefusedWithBothVersionsAndKeepsFirstSave()
    {
        var id = await NewLibraryAsync("Tvåflikars bibliotek");
        var client = await app.SignedInAs(Roles.Admin);
        var url = $"/bibliotek/{id}/redigera";
        var tab1 = await OpenTabAsync(client, url);
        var tab2 = await OpenTabAsync(client, url);

        tab1["Input.Name"] = "Tvåflikars bibliotek, flik ett";
        var first = await client.PostAsync(url, FormFields.Content(tab1));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        tab2["Input.Name"] = "Tvåflikars bibliotek, flik två";
        tab2["Input.City"] = "Limhamn";
        var second = await client.PostAsync(url, FormFields.Content(tab2));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var doc = await second.ToDocumentAsync();
        Assert.Contains(doc.ErrorMessages(), m => m.Contains(StaleMessage));
        var nameRow = doc.QuerySelectorAll(".conflict tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains("Namn"));
        Assert.Equal("Tvåflikars bibliotek, flik ett", nameRow.QuerySelector(".theirs")!.TextContent.Trim());
        Assert.Equal("Tvåflikars bibliotek, flik två", nameRow.QuerySelector(".yours")!.TextContent.Trim());
        Assert.Contains("skiljer sig", nameRow.TextContent);
        // The form keeps what the user typed ...
        var reopened = FormFields.Of(doc);
        Assert.Equal("Tvåflikars bibliotek, flik två", reopened["Input.Name"]);
        Assert.Equal("Limhamn", reopened["Input.City"]);

        var stored = await app.WithDbAsync(db => db.Libraries.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal("Tvåflikars bibliotek, flik ett", stored.Name);
        Assert.Equal("Malmö", stored.City);
        // ... and now carries the stored version, so saving again is a deliberate choice that succeeds.
        Assert.Equal(stored.Version.ToString(), reopened["Version"]);
        var third = await client.PostAsync(url, FormFields.Content(reopened));
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        Assert.Equal("Limhamn", await app.WithDbAsync(db => db.Libraries.Where(l => l.Id == id).Select(l => l.City).SingleAsync()));
    }

    [Fact]
    public async Task Post_LibraryDeactivateFromStaleTab_RefusedAndStaysActive()
    {
        var id = await NewLibraryAsync("Avaktiveringsflikar bibliotek");
        var client = await app.SignedInAs(Roles.Admin);
        var url = $"/bibliotek/{id}/redigera";
        var doc = await client.GetDocumentAsync(url);
        var deactivate = FormFields.Of(doc, "form[action*='handler=Deactivate']");
        var tab1 = FormFields.Of(doc);
        tab1["Input.Name"] = "Avaktiveringsflikar bibliotek, ändrat";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(url, FormFields.Content(tab1))).StatusCode);

        var response = await client.PostAsync($"{url}?handler=Deactivate", FormFields.Content(deactivate));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains((await response.ToDocumentAsync()).ErrorMessages(), m => m.Contains("ingenting sparades"));
        Assert.True(await app.WithDbAsync(db => db.Libraries.Where(l => l.Id == id).Select(l => l.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Post_PersonEditFromStaleTab_RefusedWithBothVersionsAndKeepsFirstSave()
    {
        var id = await NewPersonAsync("Flikfia Exempel", "flikfia.exempel@exempel.se");
        var client = await app.SignedInAs(Roles.Admin);
        var url = $"/personer/{id}/redigera";
        var tab1 = await OpenTabAsync(client, url);
        var tab2 = await OpenTabAsync(client, url);

        tab1["Input.RoleTitle"] = "Enhetschef";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(url, FormFields.Content(tab1))).StatusCode);
        tab2["Input.RoleTitle"] = "Barnbibliotekarie";
        var second = await client.PostAsync(url, FormFields.Content(tab2));

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var doc = await second.ToDocumentAsync();
        Assert.Contains(doc.ErrorMessages(), m => m.Contains(StaleMessage));
        var row = doc.QuerySelectorAll(".conflict tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Contains("Roll eller titel"));
        Assert.Equal("Enhetschef", row.QuerySelector(".theirs")!.TextContent.Trim());
        Assert.Equal("Barnbibliotekarie", row.QuerySelector(".yours")!.TextContent.Trim());
        Assert.Equal("Enhetschef", await app.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.RoleTitle).SingleAsync()));
        // The refused form carries the stored version (not the posted one), so saving again deliberately succeeds.
        var reopened = FormFields.Of(doc);
        var stored = await app.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        Assert.Equal(stored.ToString(), reopened["Version"]);
        Assert.Equal("Barnbibliotekarie", reopened["Input.RoleTitle"]);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(url, FormFields.Content(reopened))).StatusCode);
        Assert.Equal("Barnbibliotekarie", await app.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.RoleTitle).SingleAsync()));
    }

    [Fact]
    public async Task Put_Api_StaleVersion_Returns409WithCurrentAndChangesNothing()
    {
        var id = await NewLibraryAsync("API-versionens bibliotek");
        var admin = await app.SignedInAs(Roles.Admin);
        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/libraries/{id}");
        var version = read.GetProperty("version").GetUInt32();
        object Body(string name, uint? v) => new { name, kind = "Filial", municipalityCode = "1280", city = "Malmö", version = v };

        var first = await admin.PutAsJsonAsync($"/api/v1/libraries/{id}", Body("API-versionens bibliotek, först", version));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var newVersion = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetUInt32();
        Assert.NotEqual(version, newVersion);

        var stale = await admin.PutAsJsonAsync($"/api/v1/libraries/{id}", Body("API-versionens bibliotek, sent", version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var error = await stale.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Någon annan har ändrat", error.GetProperty("message").GetString());
        Assert.Equal("API-versionens bibliotek, först", error.GetProperty("current").GetProperty("name").GetString());
        Assert.Equal(newVersion, error.GetProperty("current").GetProperty("version").GetUInt32());

        // If-Match works the same way.
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/libraries/{id}") { Content = JsonContent.Create(Body("API-versionens bibliotek, sent", null)) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.SendAsync(request)).StatusCode);
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/libraries/{id}");
        delete.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.SendAsync(delete)).StatusCode);

        var stored = await app.WithDbAsync(db => db.Libraries.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal("API-versionens bibliotek, först", stored.Name);
        Assert.True(stored.IsActive);

        // With the current version the save goes through.
        var fresh = await admin.PutAsJsonAsync($"/api/v1/libraries/{id}", Body("API-versionens bibliotek, sent", newVersion));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }
}
