using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory;

namespace Samverka.Tests.Features.Directory;

[Collection(AppCollection.Name)]
public class DirectoryApiTests(SamverkaFactory app)
{
    private const string Libraries = "/api/v1/libraries";

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Unique(string prefix) => $"{prefix} {UniqueText.Letters(8)}";

    private static object ValidLibrary(string name, string municipality = "1280") => new
    {
        name,
        kind = "Filial",
        municipalityCode = municipality,
        streetAddress = "Provgatan 1",
        postalCode = "21146",
        city = "Malmö",
        email = "Filial@Exempel.se",
        website = "https://exempel.se/filial",
    };

    private Task<int> CountByName(string name) => app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name == name));

    private async Task<int> CreateAsync(HttpClient admin, string name, string municipality = "1280")
    {
        var response = await admin.PostAsJsonAsync(Libraries, ValidLibrary(name, municipality));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetInt32();
    }

    private static void AssertSwedishMessage(JsonElement body)
    {
        var message = body.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        // Swedish, not the framework's English defaults.
        Assert.DoesNotContain("request", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("error", message, StringComparison.OrdinalIgnoreCase);
        Assert.False(body.TryGetProperty("title", out _), "Expected Swedish { message }, not English problem details");
    }

    // ---- Reads ------------------------------------------------------------------------------

    [Fact]
    public async Task Get_Counties_Returns21WithAll290Municipalities()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/counties");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counties = (await Json(response)).EnumerateArray().ToList();
        Assert.Equal(21, counties.Count);
        Assert.Equal(290, counties.Sum(c => c.GetProperty("municipalityCount").GetInt32()));
        Assert.Contains(counties, c => c.GetProperty("code").GetString() == "01" && c.GetProperty("name").GetString() == "Stockholms län");
    }

    [Fact]
    public async Task Get_County_ReturnsRegionalBody()
    {
        var county = await Json(await app.Anonymous().GetAsync("/api/v1/counties/12"));
        Assert.Equal("Skåne län", county.GetProperty("name").GetString());
        Assert.Equal("Region Skåne", county.GetProperty("regionalBody").GetString());
        Assert.Equal(33, county.GetProperty("municipalityCount").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/counties/99")]
    [InlineData("/api/v1/municipalities/1299")]
    [InlineData("/api/v1/libraries/999999")]
    public async Task Get_Unknown_Returns404WithSwedishMessage(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await Json(response);
        AssertSwedishMessage(body);
        Assert.Contains("finns inte", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Get_UnknownApiRoute_Returns404AsJsonNotHtml()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/finns-inte");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertSwedishMessage(await Json(response));
    }

    [Fact]
    public async Task Get_MalformedQueryParameter_Returns400AsSwedishJson()
    {
        var response = await app.Anonymous().GetAsync($"{Libraries}?includeInactive=kanske");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json(response);
        AssertSwedishMessage(body);
        Assert.Contains("parametrarna", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Patch_UnsupportedMethod_Returns405AsSwedishJson()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var response = await admin.PatchAsync($"{Libraries}/1", JsonContent.Create(new { name = "x" }));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        AssertSwedishMessage(await Json(response));
    }

    [Fact]
    public async Task Get_MunicipalitiesInCounty_Returns10ForVastmanland()
    {
        var list = (await Json(await app.Anonymous().GetAsync("/api/v1/municipalities?county=19"))).EnumerateArray().ToList();
        Assert.Equal(10, list.Count);
        Assert.All(list, m => Assert.Equal("19", m.GetProperty("countyCode").GetString()));
        Assert.Contains(list, m => m.GetProperty("name").GetString() == "Västerås");
    }

    [Fact]
    public async Task Get_MunicipalitiesSearch_PrefixFindsMalmo()
    {
        var list = (await Json(await app.Anonymous().GetAsync("/api/v1/municipalities?q=malm"))).EnumerateArray().ToList();
        Assert.Contains(list, m => m.GetProperty("name").GetString() == "Malmö");
    }

    [Fact]
    public async Task Get_Municipality_ReturnsPopulation()
    {
        var m = await Json(await app.Anonymous().GetAsync("/api/v1/municipalities/1280"));
        Assert.Equal("Malmö", m.GetProperty("name").GetString());
        Assert.Equal(365644, m.GetProperty("population").GetInt32());
        Assert.Equal("12", m.GetProperty("countyCode").GetString());
        Assert.Equal("Skåne län", m.GetProperty("countyName").GetString());
    }

    [Fact]
    public async Task Get_Libraries_ListsAndFilters()
    {
        var client = app.Anonymous();
        var all = (await Json(await client.GetAsync(Libraries))).EnumerateArray().ToList();
        Assert.Contains(all, l => l.GetProperty("name").GetString() == "Malmö stadsbibliotek");
        Assert.All(all, l => Assert.True(l.GetProperty("isActive").GetBoolean()));

        var inMalmo = (await Json(await client.GetAsync($"{Libraries}?municipality=1280"))).EnumerateArray().ToList();
        Assert.NotEmpty(inMalmo);
        Assert.All(inMalmo, l => Assert.Equal("1280", l.GetProperty("municipalityCode").GetString()));

        var searched = (await Json(await client.GetAsync($"{Libraries}?q=v%C3%A4ster%C3%A5s"))).EnumerateArray().ToList();
        Assert.Contains(searched, l => l.GetProperty("name").GetString() == "Västerås stadsbibliotek");
        Assert.DoesNotContain(searched, l => l.GetProperty("name").GetString() == "Malmö stadsbibliotek");

        var malmo = inMalmo.First(l => l.GetProperty("name").GetString() == "Malmö stadsbibliotek");
        var one = await Json(await client.GetAsync($"{Libraries}/{malmo.GetProperty("id").GetInt32()}"));
        Assert.Equal("Folkbibliotek", one.GetProperty("kind").GetString());
        Assert.Equal("211 46", one.GetProperty("postalCode").GetString());
        Assert.Equal("Malmö", one.GetProperty("municipalityName").GetString());
    }

    // ---- Create -----------------------------------------------------------------------------

    [Fact]
    public async Task Post_Anonymous_Returns401AndStoresNothing()
    {
        var name = Unique("Anonym filial");
        var response = await app.Anonymous().PostAsJsonAsync(Libraries, ValidLibrary(name));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location); // no redirect to the HTML sign-in page
        AssertSwedishMessage(await Json(response));
        Assert.Equal(0, await CountByName(name));
    }

    [Fact]
    public async Task Post_AsStaff_Returns403AndStoresNothing()
    {
        var staff = await app.SignedInAs(Roles.LibraryStaff);
        var name = Unique("Personalens filial");
        var response = await staff.PostAsJsonAsync(Libraries, ValidLibrary(name));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertSwedishMessage(await Json(response));
        Assert.Equal(0, await CountByName(name));
    }

    [Fact]
    public async Task Post_AsAdmin_Returns201WithLocationAndStoresRow()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var name = Unique("Ny filial");
        var response = await admin.PostAsJsonAsync(Libraries, ValidLibrary(name));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await Json(response);
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/libraries/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Filial", body.GetProperty("kind").GetString());
        Assert.Equal("Malmö", body.GetProperty("municipalityName").GetString());

        var row = await app.WithDbAsync(db => db.Libraries.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal(name, row.Name);
        Assert.Equal(LibraryKind.Filial, row.Kind);
        Assert.Equal("1280", row.MunicipalityCode);
        Assert.Equal("211 46", row.PostalCode);
        Assert.Equal("filial@exempel.se", row.Email);
        Assert.True(row.IsActive);

        var fetched = await Json(await app.Anonymous().GetAsync(response.Headers.Location.OriginalString));
        Assert.Equal(name, fetched.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Post_ExtraFieldsLikeIdAndIsActive_AreIgnored()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var name = Unique("Massfilial");
        var response = await admin.PostAsJsonAsync(Libraries, new
        {
            id = 999999, isActive = false, createdAt = "2000-01-01T00:00:00Z", searchVector = "x",
            name, kind = "Folkbibliotek", municipalityCode = "1280",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Json(response)).GetProperty("id").GetInt32();
        Assert.NotEqual(999999, id);
        var row = await app.WithDbAsync(db => db.Libraries.AsNoTracking().SingleAsync(l => l.Name == name));
        Assert.Equal(id, row.Id);
        Assert.True(row.IsActive);
        Assert.True(row.CreatedAt > DateTimeOffset.UtcNow.AddHours(-1));
    }

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        // JSON body, the field expected under "errors", a word the Swedish message contains
        { """{ "kind": "Folkbibliotek", "municipalityCode": "1280" }""", "name", "namn" },
        { """{ "name": "   ", "kind": "Folkbibliotek", "municipalityCode": "1280" }""", "name", "namn" },
        { """{ "name": "NAME", "kind": "Folkbibliotek", "municipalityCode": "1299" }""", "municipalityCode", "Okänd kommunkod 1299" },
        { """{ "name": "NAME", "kind": "Folkbibliotek", "municipalityCode": "12800" }""", "municipalityCode", "fyra siffror" },
        { """{ "name": "NAME", "kind": "Folkbibliotek" }""", "municipalityCode", "kommun" },
        { """{ "name": "NAME", "kind": "Bokbuss", "municipalityCode": "1280" }""", "kind", "Okänd bibliotekstyp" },
        { """{ "name": "NAME", "municipalityCode": "1280" }""", "kind", "typ" },
        { """{ "name": "NAME", "kind": "Filial", "municipalityCode": "1280", "email": "inte-en-adress" }""", "email", "E-postadressen" },
        { """{ "name": "NAME", "kind": "Filial", "municipalityCode": "1280", "website": "javascript:alert(1)" }""", "website", "https://" },
        { """{ "name": "NAME", "kind": "Filial", "municipalityCode": "1280", "website": "exempel.se" }""", "website", "https://" },
        { """{ "name": "NAME", "kind": "Filial", "municipalityCode": "1280", "postalCode": "1234" }""", "postalCode", "fem siffror" },
        { """{ "id": 999, "isActive": false, "name": "NAME", "kind": "Filial", "municipalityCode": "1299" }""", "municipalityCode", "Okänd kommunkod" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Post_InvalidBody_Returns400WithSwedishFieldErrorsAndStoresNothing(string json, string field, string expected)
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var name = Unique("Ogiltig");
        var response = await admin.PostAsync(Libraries, new StringContent(json.Replace("NAME", name), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json(response);
        Assert.Equal("Uppgifterna innehåller fel.", body.GetProperty("message").GetString());
        var messages = body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(expected, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await CountByName(name));
    }

    [Fact]
    public async Task Post_SeveralInvalidFields_ReportsEachField()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var response = await admin.PostAsJsonAsync(Libraries, new { kind = "x", municipalityCode = "1299", email = "a@", website = "ftp://x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response)).GetProperty("errors");
        foreach (var field in new[] { "name", "kind", "municipalityCode", "email", "website" })
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}");
    }

    [Fact]
    public async Task Post_DuplicateNameInSameMunicipalityDifferentCase_Returns400()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var before = await app.WithDbAsync(db => db.Libraries.CountAsync());
        var response = await admin.PostAsJsonAsync(Libraries, new { name = "malmö STADSBIBLIOTEK", kind = "Folkbibliotek", municipalityCode = "1280" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await Json(response)).GetProperty("errors").GetProperty("name")[0].GetString();
        Assert.Contains("finns redan", message);
        Assert.Equal(before, await app.WithDbAsync(db => db.Libraries.CountAsync()));

        // The same name in another municipality is fine.
        var name = Unique("Tvillingbibliotek");
        await CreateAsync(admin, name, "1280");
        await CreateAsync(admin, name.ToUpperInvariant(), "1281");
    }

    public static TheoryData<string> MalformedJson => new()
    {
        """{"name":""",
        """{"name": "Trasig", }""",
        "inte json alls",
        """{"name": 123, "kind": "Filial", "municipalityCode": "1280"}""",
        """["Filial"]""",
        "null",
        "",
    };

    [Theory]
    [MemberData(nameof(MalformedJson))]
    public async Task Post_MalformedJson_Returns400WithSwedishMessage(string json)
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var before = await app.WithDbAsync(db => db.Libraries.CountAsync());
        var response = await admin.PostAsync(Libraries, new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json(response);
        AssertSwedishMessage(body);
        Assert.Contains("JSON", body.GetProperty("message").GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Libraries.CountAsync()));
    }

    [Fact]
    public async Task Post_WrongContentType_Returns415WithSwedishMessage()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var name = Unique("Formulärbibliotek");
        var response = await admin.PostAsync(Libraries, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name, ["kind"] = "Filial", ["municipalityCode"] = "1280",
        }));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var body = await Json(response);
        AssertSwedishMessage(body);
        Assert.Contains("application/json", body.GetProperty("message").GetString());
        Assert.Equal(0, await CountByName(name));
    }

    [Fact]
    public async Task Post_JsonSentAsTextPlain_Returns415AndStoresNothing()
    {
        // A cross-site HTML form can send text/plain but not application/json: with SameSite cookies,
        // this is what keeps the cookie-authenticated API safe from cross-site requests.
        var admin = await app.SignedInAs(Roles.Admin);
        var name = Unique("Textbibliotek");
        var json = JsonSerializer.Serialize(ValidLibrary(name));
        var response = await admin.PostAsync(Libraries, new StringContent(json, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, await CountByName(name));
    }

    // ---- Update and deactivate --------------------------------------------------------------

    [Fact]
    public async Task Put_Valid_UpdatesRow()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var id = await CreateAsync(admin, Unique("Uppdateras"));
        var newName = Unique("Uppdaterad");
        var response = await admin.PutAsJsonAsync($"{Libraries}/{id}", new
        {
            id = 1, isActive = false, name = newName, kind = "Skolbibliotek", municipalityCode = "1281", website = "https://lund.exempel.se",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(newName, (await Json(response)).GetProperty("name").GetString());

        var row = await app.WithDbAsync(db => db.Libraries.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal(newName, row.Name);
        Assert.Equal(LibraryKind.Skolbibliotek, row.Kind);
        Assert.Equal("1281", row.MunicipalityCode);
        Assert.Null(row.Email); // a PUT replaces the whole entry
        Assert.True(row.IsActive);
        Assert.True(row.UpdatedAt >= row.CreatedAt);
    }

    [Fact]
    public async Task Put_KeepingOwnName_IsNotADuplicate()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var name = Unique("Behåller namnet");
        var id = await CreateAsync(admin, name);
        var response = await admin.PutAsJsonAsync($"{Libraries}/{id}", new { name = name.ToUpperInvariant(), kind = "Filial", municipalityCode = "1280" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Put_Invalid_Returns400AndChangesNothing()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var name = Unique("Oförändrad");
        var id = await CreateAsync(admin, name);
        var response = await admin.PutAsJsonAsync($"{Libraries}/{id}", new { name = "", kind = "Filial", municipalityCode = "1280", email = "fel" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response)).GetProperty("errors");
        Assert.Equal("Ange bibliotekets namn.", errors.GetProperty("name")[0].GetString());
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.Equal(name, await app.WithDbAsync(db => db.Libraries.Where(l => l.Id == id).Select(l => l.Name).SingleAsync()));
    }

    [Fact]
    public async Task Put_DuplicateOfAnotherLibrary_Returns400()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var id = await CreateAsync(admin, Unique("Blir dubblett"));
        var response = await admin.PutAsJsonAsync($"{Libraries}/{id}", new { name = "MALMÖ stadsbibliotek", kind = "Filial", municipalityCode = "1280" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("finns redan", (await Json(response)).GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task Put_MalformedJson_Returns400WithSwedishMessage()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var id = await CreateAsync(admin, Unique("Trasig uppdatering"));
        var response = await admin.PutAsync($"{Libraries}/{id}", new StringContent("""{"name":""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json(response);
        AssertSwedishMessage(body);
        Assert.Contains("JSON", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task PutAndDelete_UnknownId_Return404()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var put = await admin.PutAsJsonAsync($"{Libraries}/999999", new { name = "Finns inte", kind = "Filial", municipalityCode = "1280" });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        AssertSwedishMessage(await Json(put));
        var delete = await admin.DeleteAsync($"{Libraries}/999999");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        AssertSwedishMessage(await Json(delete));
    }

    [Fact]
    public async Task PutAndDelete_WithoutEditorRole_AreRefused()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var name = Unique("Skyddad");
        var id = await CreateAsync(admin, name);
        var staff = await app.SignedInAs(Roles.LibraryStaff);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PutAsJsonAsync($"{Libraries}/{id}", new { name = "Kapad", kind = "Filial", municipalityCode = "1280" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.DeleteAsync($"{Libraries}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().DeleteAsync($"{Libraries}/{id}")).StatusCode);
        var row = await app.WithDbAsync(db => db.Libraries.AsNoTracking().SingleAsync(l => l.Id == id));
        Assert.Equal(name, row.Name);
        Assert.True(row.IsActive);
    }

    [Fact]
    public async Task Delete_DeactivatesAndHidesFromDefaultList()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var name = Unique("Avvecklas");
        var id = await CreateAsync(admin, name, "1983");
        var anonymous = app.Anonymous();
        // Prime the output cache with the library visible.
        Assert.Contains(await Names(anonymous, $"{Libraries}?municipality=1983"), n => n == name);

        var response = await admin.DeleteAsync($"{Libraries}/{id}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var row = await app.WithDbAsync(db => db.Libraries.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id));
        Assert.NotNull(row);
        Assert.False(row.IsActive);
        Assert.DoesNotContain(await Names(anonymous, $"{Libraries}?municipality=1983"), n => n == name);
        Assert.Contains(await Names(anonymous, $"{Libraries}?municipality=1983&includeInactive=true"), n => n == name);
        var one = await Json(await anonymous.GetAsync($"{Libraries}/{id}"));
        Assert.False(one.GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task Post_EvictsCachedListForAnonymousReaders()
    {
        var anonymous = app.Anonymous();
        var url = $"{Libraries}?municipality=1280";
        var before = await Names(anonymous, url);
        Assert.Equal(before, await Names(anonymous, url)); // served from the output cache now

        var admin = await app.SignedInAs(Roles.Admin);
        var name = Unique("Cachetest");
        await CreateAsync(admin, name);

        Assert.Contains(name, await Names(anonymous, url));
        Assert.Contains(name, await Names(anonymous, $"{Libraries}"));
    }

    [Fact]
    public async Task Put_EvictsCachedSingleLibrary()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var id = await CreateAsync(admin, Unique("Före"));
        var anonymous = app.Anonymous();
        await anonymous.GetAsync($"{Libraries}/{id}");
        var newName = Unique("Efter");
        var put = await admin.PutAsJsonAsync($"{Libraries}/{id}", new { name = newName, kind = "Filial", municipalityCode = "1280" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(newName, (await Json(await anonymous.GetAsync($"{Libraries}/{id}"))).GetProperty("name").GetString());
    }

    private static async Task<List<string>> Names(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json(response)).EnumerateArray().Select(l => l.GetProperty("name").GetString()!).ToList();
    }

    // ---- OpenAPI ----------------------------------------------------------------------------

    [Fact]
    public async Task Get_OpenApi_DescribesTheDirectoryApi()
    {
        var response = await app.Anonymous().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await Json(response);
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/counties", "/api/v1/counties/{code}", "/api/v1/municipalities", "/api/v1/municipalities/{code}", "/api/v1/libraries", "/api/v1/libraries/{id}" })
            Assert.True(paths.TryGetProperty(path, out _), $"OpenAPI lacks {path}");
        var libraries = paths.GetProperty("/api/v1/libraries");
        Assert.True(libraries.TryGetProperty("get", out _));
        Assert.True(libraries.TryGetProperty("post", out _));
    }
}
