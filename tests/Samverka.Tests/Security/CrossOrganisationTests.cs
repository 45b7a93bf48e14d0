using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Security;

/// <summary>
/// IDOR: an account tries to read and change another organisation's libraries and people through
/// every verb, page, handler, import and API endpoint. Always 403/404 (or a form error), and nothing changes.
/// </summary>
[Collection(AppCollection.Name)]
public class CrossOrganisationTests(SamverkaFactory app)
{
    private static Dictionary<string, string> LibraryForm(string name, string municipality) => new()
    {
        ["Input.Name"] = name, ["Input.Kind"] = "Filial", ["Input.MunicipalityCode"] = municipality,
        ["Input.StreetAddress"] = "", ["Input.PostalCode"] = "", ["Input.City"] = "", ["Input.Email"] = "", ["Input.Website"] = "",
    };

    private static Dictionary<string, string> PersonForm(string name, string email, int libraryId) => new()
    {
        ["Input.Name"] = name, ["Input.Email"] = email, ["Input.LibraryId"] = libraryId.ToString(), ["Input.RoleTitle"] = "",
    };

    private async Task<string> LibrarySnapshot(int id)
    {
        var l = await app.LibraryAsync(id);
        return $"{l.Name}|{l.MunicipalityCode}|{l.IsActive}|{l.UpdatedAt:O}";
    }

    private async Task<string> PersonSnapshot(int id)
    {
        var p = await app.PersonAsync(id);
        return $"{p.Name}|{p.Email}|{p.LibraryId}|{p.IsActive}|{p.UpdatedAt:O}";
    }

    /// <summary>A post with a valid antiforgery token from a page the client may open (the denied page itself would not give one).</summary>
    private static async Task<HttpResponseMessage> ForgedPost(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var token = await client.AntiforgeryTokenAsync("/konto/logga-in");
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string url, string csv)
    {
        var token = await client.AntiforgeryTokenAsync(url);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "fil.csv");
        return await client.PostAsync(url, form);
    }

    [Theory]
    [InlineData(Maja, "Västerås stadsbibliotek")]   // another region
    [InlineData(Maja, "Lunds stadsbibliotek")]      // same region, another municipality
    [InlineData(Sara, "Västerås stadsbibliotek")]   // regional coordinator, another region
    [InlineData(Ake, "Malmö stadsbibliotek")]
    [InlineData(Nora, "Malmö stadsbibliotek")]      // national: reads all, writes nothing
    public async Task OtherOrganisationsLibrary_EveryWriteIsRefusedAndNothingChanges(string email, string libraryName)
    {
        var client = await app.As(email);
        var id = await app.LibraryIdAsync(libraryName);
        var before = await LibrarySnapshot(id);
        var municipality = (await app.LibraryAsync(id)).MunicipalityCode;

        Assert.True(IsDenied(await client.GetAsync($"/bibliotek/{id}/redigera")));
        Assert.True(IsDenied(await ForgedPost(client, $"/bibliotek/{id}/redigera", LibraryForm("Kapat namn", municipality))));
        Assert.True(IsDenied(await ForgedPost(client, $"/bibliotek/{id}/redigera?handler=Deactivate", [])));
        Assert.True(IsDenied(await ForgedPost(client, $"/bibliotek/{id}/redigera?handler=Activate", [])));

        var put = await client.PutAsJsonAsync($"/api/v1/libraries/{id}", new { name = "Kapat namn", kind = "Filial", municipalityCode = municipality });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.False(string.IsNullOrEmpty((await put.Content.ReadFromJsonAsync<Samverka.Web.Infrastructure.ApiError>())!.Message));
        var delete = await client.DeleteAsync($"/api/v1/libraries/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);

        Assert.Equal(before, await LibrarySnapshot(id));
        // The public page shows no edit button to someone who may not edit it.
        var details = await client.GetDocumentAsync($"/bibliotek/{id}");
        Assert.DoesNotContain(details.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/bibliotek/{id}/redigera");
    }

    [Theory]
    [InlineData(Maja, Ake)]       // another region
    [InlineData(Maja, Ojvind)]    // same region, another municipality
    [InlineData(Sara, Ake)]
    [InlineData(Ake, Maja)]
    public async Task OtherOrganisationsPerson_IsNotFoundThroughEveryVerbAndNothingChanges(string email, string target)
    {
        var client = await app.As(email);
        var id = await app.PersonIdAsync(target);
        var before = await PersonSnapshot(id);
        var p = await app.PersonAsync(id);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/personer/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/personer/{id}/redigera")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgedPost(client, $"/personer/{id}/redigera", PersonForm("Kapad", p.Email, p.LibraryId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgedPost(client, $"/personer/{id}/redigera?handler=Deactivate", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ForgedPost(client, $"/personer/{id}/redigera?handler=Activate", [])).StatusCode);
        var filtered = await (await client.GetAsync($"/personer?bibliotek={p.LibraryId}&handler=Csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(target, filtered);

        Assert.Equal(before, await PersonSnapshot(id));
    }

    [Fact]
    public async Task National_ReadsEveryoneButEveryPersonWriteIsRefused()
    {
        var client = await app.As(Nora);
        foreach (var target in new[] { Maja, Ake, Ella })
        {
            var id = await app.PersonIdAsync(target);
            var before = await PersonSnapshot(id);
            var details = await client.GetAsync($"/personer/{id}");
            Assert.Equal(HttpStatusCode.OK, details.StatusCode);
            Assert.DoesNotContain($"/personer/{id}/redigera", await details.Content.ReadAsStringAsync());
            Assert.True(IsDenied(await client.GetAsync($"/personer/{id}/redigera")));
            Assert.True(IsDenied(await ForgedPost(client, $"/personer/{id}/redigera?handler=Deactivate", [])));
            Assert.Equal(before, await PersonSnapshot(id));
        }
        var created = await ForgedPost(client, "/personer/ny", PersonForm("Nationell Skapad", "nationell.skapad@exempel.se", await app.LibraryIdAsync("Malmö stadsbibliotek")));
        Assert.True(IsDenied(created));
        var api = await client.PostAsJsonAsync("/api/v1/libraries", new { name = "Nationellt bibliotek", kind = "Filial", municipalityCode = "1280" });
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.People.CountAsync(x => x.Email == "nationell.skapad@exempel.se")));
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync(x => x.Name == "Nationellt bibliotek")));
    }

    [Fact]
    public async Task Post_CreateLibraryInOtherMunicipality_RendersFieldErrorAndStoresNothing()
    {
        var client = await app.As(Maja);
        var form = await client.GetDocumentAsync("/bibliotek/ny");
        var offered = form.QuerySelectorAll("#Input_MunicipalityCode option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToArray();
        Assert.Equal(["1280"], offered);

        var response = await client.PostFormAsync("/bibliotek/ny", LibraryForm("Utanför bibliotek", "1980"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        var link = doc.QuerySelectorAll(".error-summary a").Single(a => a.TextContent.Contains("Du får inte ändra bibliotek i kommun 1980."));
        Assert.Equal("#Input_MunicipalityCode", link.GetAttribute("href"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name == "Utanför bibliotek")));
    }

    [Fact]
    public async Task Post_MoveOwnLibraryToOtherMunicipality_RendersFieldErrorAndChangesNothing()
    {
        var client = await app.As(Maja);
        var created = await client.PostFormAsync("/bibliotek/ny", LibraryForm($"Flyttbibliotek {Tag()}", "1280"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var before = await LibrarySnapshot(id);
        var name = (await app.LibraryAsync(id)).Name;

        var response = await client.PostFormAsync($"/bibliotek/{id}/redigera", LibraryForm(name, "1980"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Du får inte ändra bibliotek i kommun 1980.", (await response.ToDocumentAsync()).ErrorMessages());

        var put = await client.PutAsJsonAsync($"/api/v1/libraries/{id}", new { name, kind = "Filial", municipalityCode = "1980" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(before, await LibrarySnapshot(id));
    }

    [Fact]
    public async Task Api_CreateLibraryInOtherMunicipality_Returns403AndStoresNothing()
    {
        var client = await app.As(Maja);
        var response = await client.PostAsJsonAsync("/api/v1/libraries", new { name = "API utanför", kind = "Filial", municipalityCode = "1980" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Du får inte ändra bibliotek i kommun 1980.", (await response.Content.ReadFromJsonAsync<Samverka.Web.Infrastructure.ApiError>())!.Message);
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name == "API utanför")));
    }

    [Fact]
    public async Task Post_CreatePersonInOtherLibrary_RendersFieldErrorAndStoresNothing()
    {
        var client = await app.As(Maja);
        var vasteras = await app.LibraryIdAsync("Västerås stadsbibliotek");
        var offered = (await client.GetDocumentAsync("/personer/ny")).QuerySelectorAll("#Input_LibraryId option")
            .Select(o => o.GetAttribute("value")).Where(v => v != "").Select(int.Parse).ToArray();
        // Only Malmö's libraries (other tests add more there) are offered.
        Assert.Contains(await app.LibraryIdAsync("Malmö stadsbibliotek"), offered);
        Assert.DoesNotContain(vasteras, offered);
        Assert.All(await app.WithDbAsync(db => db.Libraries.Where(l => offered.Contains(l.Id)).Select(l => l.MunicipalityCode).ToListAsync()),
            code => Assert.Equal("1280", code));

        var response = await client.PostFormAsync("/personer/ny", PersonForm("Utanför Person", "utanfor.person@exempel.se", vasteras));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Du får inte ändra personer i kommun 1980.", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(0, await app.WithDbAsync(db => db.People.CountAsync(p => p.Email == "utanfor.person@exempel.se")));
    }

    [Fact]
    public async Task Post_MoveOwnPersonToOtherLibrary_RendersFieldErrorAndChangesNothing()
    {
        var client = await app.As(Maja);
        var malmo = await app.LibraryIdAsync("Malmö stadsbibliotek");
        var email = $"flytt.{Tag()}" + "@exempel.se";
        var created = await client.PostFormAsync("/personer/ny", PersonForm("Flytt Person", email, malmo));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await app.PersonIdAsync(email);
        var before = await PersonSnapshot(id);

        var response = await client.PostFormAsync($"/personer/{id}/redigera", PersonForm("Flytt Person", email, await app.LibraryIdAsync("Köpings bibliotek")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Du får inte ändra personer i kommun 1983.", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(before, await PersonSnapshot(id));
    }

    [Fact]
    public async Task Post_LibraryImportWithOtherMunicipality_ReportsRowAndStoresNothing()
    {
        var client = await app.As(Maja);
        var response = await Upload(client, "/bibliotek/import", "namn;typ;kommunkod\nScopeimport Egen;Filial;1280\nScopeimport Annan;Filial;1299\nScopeimport Västerås;Filial;1980\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rows = (await response.ToDocumentAsync()).QuerySelectorAll(".table-scroll tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "4" && r[1] == "kommunkod" && r[3] == "Du får inte ändra bibliotek i kommun 1980.");
        Assert.Contains(rows, r => r[0] == "3" && r[1] == "kommunkod" && r[3].Contains("Okänd kommunkod 1299"));
        Assert.DoesNotContain(rows, r => r[0] == "2");
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name.StartsWith("Scopeimport"))));
    }

    [Fact]
    public async Task Post_PersonImportWithOtherLibraryOrOtherPerson_ReportsRowsAndStoresNothing()
    {
        var client = await app.As(Maja);
        var response = await Upload(client, "/personer/import", "namn;e-post;kommunkod;organisation\n" +
            "Scope Egen;scope.egen@exempel.se;1280;Malmö stadsbibliotek\n" +
            "Scope Annan;scope.annan@exempel.se;1980;Västerås stadsbibliotek\n" +
            $"Kapad Åke;{Ake};1280;Malmö stadsbibliotek\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rows = (await response.ToDocumentAsync()).QuerySelectorAll(".table-scroll tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "3" && r[1] == "kommunkod" && r[3] == "Du får inte ändra personer i kommun 1980.");
        Assert.Contains(rows, r => r[0] == "4" && r[1] == "e-post" && r[3] == "E-postadressen används redan av en person som du inte får ändra.");
        Assert.Equal(0, await app.WithDbAsync(db => db.People.CountAsync(p => p.Email.StartsWith("scope."))));
        Assert.Equal("Åke Testberg", (await app.PersonAsync(await app.PersonIdAsync(Ake))).Name);
    }

    [Fact]
    public async Task Post_CreatePersonWithEmailOfInvisiblePerson_DoesNotRevealTheirName()
    {
        var client = await app.As(Maja);
        var response = await client.PostFormAsync("/personer/ny", PersonForm("Dubblett", Ake, await app.LibraryIdAsync("Malmö stadsbibliotek")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = (await response.ToDocumentAsync()).ErrorMessages();
        Assert.Contains($"E-postadressen {Ake} används redan av en annan person.", messages);
        Assert.DoesNotContain(messages, m => m.Contains("Åke"));
    }

    [Fact]
    public async Task Regional_CanEditWithinOwnRegion()
    {
        var client = await app.As(Sara);
        var lund = await app.LibraryIdAsync("Lunds stadsbibliotek");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/bibliotek/{lund}/redigera")).StatusCode);
        var ojvind = await app.PersonIdAsync(Ojvind);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/personer/{ojvind}/redigera")).StatusCode);
        var details = await client.GetDocumentAsync($"/bibliotek/{lund}");
        Assert.Contains(details.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/bibliotek/{lund}/redigera");
        Assert.Contains(details.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/personer/{ojvind}");
    }
}
