using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.Directory.Libraries;

[Collection(AppCollection.Name)]
public class LibraryEditTests(SamverkaFactory app)
{
    private static Dictionary<string, string> Form(string name, string municipality = "1283", string kind = "Filial") => new()
    {
        ["Input.Name"] = name, ["Input.Kind"] = kind, ["Input.MunicipalityCode"] = municipality,
        ["Input.StreetAddress"] = "", ["Input.PostalCode"] = "", ["Input.City"] = "", ["Input.Email"] = "", ["Input.Website"] = "",
    };

    [Fact]
    public async Task Post_Create_StoresLibraryAndShowsIt()
    {
        var client = await app.SignedInAs(Roles.RegionalCoordinator);
        var form = Form("Drottninghögs bibliotek");
        form["Input.PostalCode"] = "25441";
        var response = await client.PostFormAsync("/bibliotek/ny", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var doc = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Drottninghögs bibliotek", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("har sparats", doc.QuerySelector(".notice")!.TextContent);
        var stored = await app.WithDbAsync(db => db.Libraries.SingleAsync(l => l.Name == "Drottninghögs bibliotek"));
        Assert.Equal("254 41", stored.PostalCode);
    }

    [Theory]
    [InlineData("Input.Name", "", "Ange bibliotekets namn.")]
    [InlineData("Input.MunicipalityCode", "1299", "Okänd kommunkod 1299.")]
    [InlineData("Input.Kind", "Bokbuss", "Okänd bibliotekstyp")]
    [InlineData("Input.PostalCode", "123", "Postnumret ska vara fem siffror")]
    [InlineData("Input.Email", "inte en adress", "E-postadressen ska se ut som")]
    [InlineData("Input.Website", "javascript:alert(1)", "Webbadressen ska börja med")]
    public async Task Post_InvalidField_RendersErrorAndStoresNothing(string field, string value, string message)
    {
        var client = await app.SignedInAs(Roles.Admin);
        var name = $"Ogiltigt {UniqueText.Letters(20)}";
        var form = Form(name);
        form[field] = value;

        var response = await client.PostFormAsync("/bibliotek/ny", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        var link = doc.QuerySelectorAll(".error-summary a").Single(a => a.TextContent.Contains(message));
        Assert.Equal("#" + field.Replace('.', '_'), link.GetAttribute("href"));
        Assert.Equal("true", doc.GetElementById(field.Replace('.', '_'))!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name == name || l.Name == "")));
    }

    [Fact]
    public async Task Post_DuplicateNameOtherCase_RendersError()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var response = await client.PostFormAsync("/bibliotek/ny", Form("MALMÖ STADSBIBLIOTEK", "1280", "Folkbibliotek"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ToDocumentAsync()).ErrorMessages(), m => m.Contains("Det finns redan ett bibliotek"));
    }

    [Fact]
    public async Task Post_EditAndDeactivate_KeepsRowInHistory()
    {
        // A library manager edits within their own municipality (Malmö).
        var client = await app.SignedInAs(Roles.LibraryManager);
        var created = await client.PostFormAsync("/bibliotek/ny", Form("Redigeringstest bibliotek", "1280"));
        var url = created.Headers.Location!.OriginalString;
        var id = int.Parse(url.Split('/')[^1]);

        var edit = Form("Redigeringstest bibliotek, nytt namn", "1280");
        var edited = await client.PostFormAsync($"/bibliotek/{id}/redigera", edit);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);

        var deactivated = await client.PostFormAsync($"/bibliotek/{id}/redigera?handler=Deactivate", [], $"/bibliotek/{id}/redigera");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);

        var stored = await app.WithDbAsync(db => db.Libraries.SingleAsync(l => l.Id == id));
        Assert.Equal("Redigeringstest bibliotek, nytt namn", stored.Name);
        Assert.False(stored.IsActive);
        var list = await app.Anonymous().GetDocumentAsync("/bibliotek?q=Redigeringstest");
        Assert.DoesNotContain(list.QuerySelectorAll("tbody a"), a => a.TextContent.StartsWith("Redigeringstest"));
        var withInactive = await app.Anonymous().GetDocumentAsync("/bibliotek?q=Redigeringstest&inaktiva=true");
        Assert.Contains(withInactive.QuerySelectorAll("tbody a"), a => a.TextContent.StartsWith("Redigeringstest"));
    }

    [Fact]
    public async Task Get_Create_AsStaffOrNational_IsDenied()
    {
        foreach (var role in new[] { Roles.LibraryStaff, Roles.NationalCoordinator })
        {
            var response = await (await app.SignedInAs(role)).GetAsync("/bibliotek/ny");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/konto/nekad", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Get_EditUnknownLibrary_Returns404()
    {
        var response = await (await app.SignedInAs(Roles.Admin)).GetAsync("/bibliotek/999999/redigera");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
