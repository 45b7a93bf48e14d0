using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Directory;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.Directory.People;

[Collection(AppCollection.Name)]
public class PeopleTests(SamverkaFactory app)
{
    private const string Personnummer = "Skriv inte personnummer i Samverka.";

    /// <summary>Letters only, so that it never looks like a personnummer and always matches a name search.</summary>
    private static string Tag() => UniqueText.Letters(10);

    private Task<int> LibraryId(string name) => app.WithDbAsync(db => db.Libraries.Where(l => l.Name == name).Select(l => l.Id).SingleAsync());

    private Task<Person?> FindByEmail(string email) =>
        app.WithDbAsync(db => db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == email));

    private Task<int> CountNamed(string name) => app.WithDbAsync(db => db.People.CountAsync(p => p.Name == name));

    private static Dictionary<string, string> Form(string name, string email, string libraryId, string role = "") => new()
    {
        ["Input.Name"] = name, ["Input.Email"] = email, ["Input.LibraryId"] = libraryId, ["Input.RoleTitle"] = role,
    };

    private async Task<Person> CreateAsync(HttpClient client, string name, string? role = null)
    {
        var email = $"{name.Split(' ')[^1]}@exempel.se";
        var response = await client.PostFormAsync("/personer/ny", Form(name, email, (await LibraryId("Lunds stadsbibliotek")).ToString(), role ?? ""));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await FindByEmail(email))!;
    }

    [Fact]
    public async Task Get_List_Anonymous_RedirectsToSignIn()
    {
        var response = await app.Anonymous().GetAsync("/personer");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Get_CsvExport_Anonymous_RedirectsToSignIn()
    {
        var response = await app.Anonymous().GetAsync("/personer?handler=Csv");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Get_Details_Anonymous_RedirectsToSignIn()
    {
        var id = (await FindByEmail("maja.exempel@exempel.se"))!.Id;
        var response = await app.Anonymous().GetAsync($"/personer/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Get_Create_AsStaff_IsDenied()
    {
        var client = await app.SignedInAs(Roles.LibraryStaff);
        var response = await client.GetAsync("/personer/ny");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/nekad", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Staff_CanListAndReadButNotEditOrDeactivate()
    {
        // Staff (Hugo, Helsingborg) read the people of their own library, here themselves.
        var client = await app.SignedInAs(Roles.LibraryStaff);
        var list = await client.GetDocumentAsync("/personer");
        Assert.Contains(list.QuerySelectorAll("tbody a"), a => a.TextContent == "Hugo Testsson");
        Assert.DoesNotContain(list.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/personer/ny");

        var self = (await FindByEmail("hugo.testsson@exempel.se"))!;
        var details = await client.GetDocumentAsync($"/personer/{self.Id}");
        Assert.Equal("Hugo Testsson", details.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain(details.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/personer/{self.Id}/redigera");

        var edit = await client.GetAsync($"/personer/{self.Id}/redigera");
        Assert.StartsWith("/konto/nekad", edit.Headers.Location!.PathAndQuery);
        // The deactivate handler is on the edit page: a forged post (with a valid token from another page) is refused too.
        var token = await client.AntiforgeryTokenAsync("/konto/logga-in");
        var post = await client.PostAsync($"/personer/{self.Id}/redigera?handler=Deactivate",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.StartsWith("/konto/nekad", post.Headers.Location!.PathAndQuery);
        Assert.True((await FindByEmail("hugo.testsson@exempel.se"))!.IsActive);
    }

    [Fact]
    public async Task Get_List_SignedIn_ShowsColumnsAndLinksToLibrary()
    {
        var client = await app.SignedInAs(Roles.NationalCoordinator); // reads everyone
        var doc = await client.GetDocumentAsync("/personer?q=maja");
        var headers = doc.QuerySelectorAll("thead th").Select(th => th.TextContent).ToArray();
        Assert.Equal(["Namn", "E-post", "Organisation", "Roll eller titel", "Status"], headers);
        var row = Assert.Single(doc.QuerySelectorAll("tbody tr"));
        Assert.Contains("maja.exempel@exempel.se", row.TextContent);
        Assert.Contains("Bibliotekschef (fiktiv)", row.TextContent);
        var malmo = await LibraryId("Malmö stadsbibliotek");
        Assert.Contains(row.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/bibliotek/{malmo}" && a.TextContent == "Malmö stadsbibliotek");
    }

    [Fact]
    public async Task Get_List_FiltersByLibraryAndMunicipality()
    {
        var client = await app.SignedInAs(Roles.NationalCoordinator); // reads everyone
        static string[] Names(AngleSharp.Dom.IDocument d) => d.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent).ToArray();

        var byLibrary = Names(await client.GetDocumentAsync($"/personer?bibliotek={await LibraryId("Region Skåne, regional biblioteksverksamhet")}"));
        Assert.Contains("Sara Exempelsson", byLibrary);
        Assert.Contains("Nora Nationell", byLibrary);
        Assert.DoesNotContain("Maja Exempel", byLibrary);

        var byMunicipality = Names(await client.GetDocumentAsync("/personer?kommun=1980"));
        Assert.Contains("Viktor Påhittad", byMunicipality);
        Assert.Contains("Åke Testberg", byMunicipality);
        Assert.DoesNotContain("Sara Exempelsson", byMunicipality);

        // A malformed filter is no filter, not an error page.
        var malformed = await client.GetAsync("/personer?bibliotek=abc");
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
    }

    [Fact]
    public async Task Post_Create_StoresPersonAndShowsDetails()
    {
        var tag = Tag();
        var client = await app.SignedInAs(Roles.RegionalCoordinator); // Kävlinge is in Skåne, her region
        var library = await LibraryId("Kävlinge bibliotek");
        var response = await client.PostFormAsync("/personer/ny",
            Form($"  Greta Ny {tag} ", $" Greta.{tag}@Exempel.SE ", library.ToString(), "Bibliotekarie"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await FindByEmail($"greta.{tag}@exempel.se");
        Assert.NotNull(stored);
        Assert.Equal($"Greta Ny {tag}", stored.Name);
        Assert.Equal(library, stored.LibraryId);
        Assert.Equal("Bibliotekarie", stored.RoleTitle);
        Assert.True(stored.IsActive);
        Assert.Equal($"/personer/{stored.Id}", response.Headers.Location!.OriginalString);

        var details = await client.GetDocumentAsync(response.Headers.Location.OriginalString);
        Assert.Contains($"Greta Ny {tag} har sparats.", details.QuerySelector(".notice")!.TextContent);
        Assert.Equal($"Greta Ny {tag}", details.QuerySelector("h1")!.TextContent);
        Assert.Contains("Kävlinge bibliotek", details.QuerySelector("dl.facts")!.TextContent);

        // The library's page lists the new person for editors.
        var libraryPage = await client.GetDocumentAsync($"/bibliotek/{library}");
        Assert.Contains(libraryPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/personer/{stored.Id}");
    }

    [Fact]
    public async Task Get_Create_WithLibrary_PreselectsItAndGroupsByMunicipality()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var library = await LibraryId("Köpings bibliotek");
        var doc = await client.GetDocumentAsync($"/personer/ny?bibliotek={library}");
        var selected = doc.QuerySelector("#Input_LibraryId option[selected]");
        Assert.NotNull(selected);
        Assert.Equal(library.ToString(), selected.GetAttribute("value"));
        Assert.Equal("Köping (1983)", selected.ParentElement!.GetAttribute("label"));
        Assert.Contains("Köpings bibliotek", selected.TextContent);
    }

    [Fact]
    public async Task Post_InvalidEmail_RendersError()
    {
        var tag = Tag();
        var client = await app.SignedInAs(Roles.Admin);
        var response = await client.PostFormAsync("/personer/ny",
            Form($"Ola Fel {tag}", "ola.exempel.se", (await LibraryId("Lunds stadsbibliotek")).ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Contains("E-postadressen ska se ut som namn@exempel.se.", doc.ErrorMessages());
        // Linked from the summary, shown by the field, and announced with it.
        Assert.Contains(doc.QuerySelectorAll(".error-summary a"), a => a.GetAttribute("href") == "#Input_Email");
        var input = doc.QuerySelector("#Input_Email")!;
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Contains("Input_Email-error", input.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal("E-postadressen ska se ut som namn@exempel.se.", doc.QuerySelector("#Input_Email-error")!.TextContent);
        Assert.Null(doc.QuerySelector("#Input_Name")!.GetAttribute("aria-invalid"));
        // What was typed is kept.
        Assert.Equal($"Ola Fel {tag}", doc.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal(0, await CountNamed($"Ola Fel {tag}"));
    }

    [Fact]
    public async Task Post_DuplicateEmailInOtherCase_RendersError()
    {
        var tag = Tag();
        var client = await app.SignedInAs(Roles.Admin);
        var response = await client.PostFormAsync("/personer/ny",
            Form($"Maja Kopia {tag}", "MAJA.Exempel@Exempel.se", (await LibraryId("Lunds stadsbibliotek")).ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Contains("E-postadressen maja.exempel@exempel.se används redan av Maja Exempel.", doc.ErrorMessages());
        Assert.Equal("true", doc.QuerySelector("#Input_Email")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await CountNamed($"Maja Kopia {tag}"));
    }

    [Fact]
    public async Task Post_MissingLibrary_RendersError()
    {
        var tag = Tag();
        var client = await app.SignedInAs(Roles.Admin);
        var response = await client.PostFormAsync("/personer/ny", Form($"Utan Bibliotek {tag}", $"{tag}@exempel.se", ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Contains("Välj vilket bibliotek eller vilken organisation personen tillhör.", doc.ErrorMessages());
        Assert.Contains(doc.QuerySelectorAll(".error-summary a"), a => a.GetAttribute("href") == "#Input_LibraryId");
        Assert.Equal("true", doc.QuerySelector("#Input_LibraryId")!.GetAttribute("aria-invalid"));
        Assert.Equal("Input_LibraryId-hint Input_LibraryId-error", doc.QuerySelector("#Input_LibraryId")!.GetAttribute("aria-describedby"));
        Assert.Equal(0, await CountNamed($"Utan Bibliotek {tag}"));
    }

    [Fact]
    public async Task Post_UnknownLibrary_RendersError()
    {
        var tag = Tag();
        var client = await app.SignedInAs(Roles.Admin);
        var response = await client.PostFormAsync("/personer/ny", Form($"Fel Bibliotek {tag}", $"{tag}@exempel.se", "987654"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Biblioteket med nummer 987654 finns inte i Samverka.", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(0, await CountNamed($"Fel Bibliotek {tag}"));
    }

    [Fact]
    public async Task Post_DeactivatedLibrary_RendersError()
    {
        var tag = Tag();
        var libraryName = $"Nedlagt bibliotek {tag}";
        var library = await app.WithDbAsync(async db =>
        {
            var l = new Library { Name = libraryName, MunicipalityCode = "1281", IsActive = false, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.Libraries.Add(l);
            await db.SaveChangesAsync();
            return l.Id;
        });
        var client = await app.SignedInAs(Roles.Admin);
        var form = await client.GetDocumentAsync("/personer/ny");
        Assert.Null(form.QuerySelector($"#Input_LibraryId option[value='{library}']"));

        var response = await client.PostFormAsync("/personer/ny", Form($"Sen Anställd {tag}", $"{tag}@exempel.se", library.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{libraryName} är avaktiverat. Välj ett aktivt bibliotek.", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(0, await CountNamed($"Sen Anställd {tag}"));
    }

    [Theory]
    [InlineData("Input.Name", "Anna {0} 19800101-1234")]
    [InlineData("Input.Name", "Anna {0} 800101-1234")]
    [InlineData("Input.RoleTitle", "Bibliotekarie 8001011234")]
    public async Task Post_PersonnummerInNameOrRole_RendersError(string field, string text)
    {
        var tag = Tag();
        var client = await app.SignedInAs(Roles.Admin);
        var form = Form($"Anna {tag}", $"{tag}@exempel.se", (await LibraryId("Lunds stadsbibliotek")).ToString());
        form[field] = string.Format(text, tag);
        var response = await client.PostFormAsync("/personer/ny", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Equal([Personnummer], doc.ErrorMessages());
        Assert.Equal("true", doc.QuerySelector("#" + field.Replace('.', '_'))!.GetAttribute("aria-invalid"));
        Assert.Null(await FindByEmail($"{tag}@exempel.se"));
    }

    [Fact]
    public async Task Post_Edit_UpdatesPerson()
    {
        var tag = Tag();
        var client = await app.SignedInAs(Roles.Admin);
        var person = await CreateAsync(client, $"Ulla Före {tag}", "Assistent");
        var edit = await client.GetDocumentAsync($"/personer/{person.Id}/redigera");
        Assert.Equal($"Ulla Före {tag}", edit.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal(person.LibraryId.ToString(), edit.QuerySelector("#Input_LibraryId option[selected]")!.GetAttribute("value"));

        var helsingborg = await LibraryId("Helsingborgs stadsbibliotek");
        var response = await client.PostFormAsync($"/personer/{person.Id}/redigera",
            Form($"Ulla Efter {tag}", $"ULLA.{tag}@exempel.se", helsingborg.ToString(), "Bibliotekarie"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/personer/{person.Id}", response.Headers.Location!.OriginalString);
        var stored = await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id));
        Assert.Equal($"Ulla Efter {tag}", stored.Name);
        Assert.Equal($"ulla.{tag}@exempel.se", stored.Email);
        Assert.Equal(helsingborg, stored.LibraryId);
        Assert.Equal("Bibliotekarie", stored.RoleTitle);
        Assert.Contains($"Ändringarna för Ulla Efter {tag} har sparats.", (await client.GetDocumentAsync($"/personer/{person.Id}")).QuerySelector(".notice")!.TextContent);

        // Saving again with the same address in another case is not a duplicate of oneself.
        var again = await client.PostFormAsync($"/personer/{person.Id}/redigera",
            Form($"Ulla Efter {tag}", $"Ulla.{tag.ToUpperInvariant()}@exempel.se", helsingborg.ToString(), ""));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Null((await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id))).RoleTitle);
    }

    [Fact]
    public async Task Post_EditToAnotherPersonsEmail_RendersErrorAndKeepsRow()
    {
        var tag = Tag();
        var client = await app.SignedInAs(Roles.Admin);
        var person = await CreateAsync(client, $"Bo Dubblett {tag}");
        var response = await client.PostFormAsync($"/personer/{person.Id}/redigera",
            Form($"Bo Dubblett {tag}", "Ella.Prov@exempel.se", person.LibraryId.ToString()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Contains("E-postadressen ella.prov@exempel.se används redan av Ella Prov.", doc.ErrorMessages());
        Assert.Equal($"Redigera Bo Dubblett {tag}", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(person.Email, (await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == person.Id))).Email);
    }

    [Fact]
    public async Task Post_Deactivate_KeepsRowAndHidesItFromDefaultList()
    {
        var tag = Tag();
        var client = await app.SignedInAs(Roles.Admin);
        var person = await CreateAsync(client, $"Per Slutat {tag}");
        var editPage = $"/personer/{person.Id}/redigera";

        var response = await client.PostFormAsync($"{editPage}?handler=Deactivate", new(), formPage: editPage);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await app.WithDbAsync(db => db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == person.Id));
        Assert.NotNull(stored);
        Assert.False(stored.IsActive);
        Assert.Empty((await client.GetDocumentAsync($"/personer?q={tag}")).QuerySelectorAll("tbody tr"));
        var all = await client.GetDocumentAsync($"/personer?q={tag}&inaktiva=true");
        var row = Assert.Single(all.QuerySelectorAll("tbody tr"));
        Assert.Contains("Avaktiverad", row.TextContent);
        Assert.Contains("Avaktiverad – finns kvar i historiken", (await client.GetDocumentAsync($"/personer/{person.Id}")).QuerySelector("main")!.TextContent);

        var activate = await client.PostFormAsync($"{editPage}?handler=Activate", new(), formPage: editPage);
        Assert.Equal(HttpStatusCode.Redirect, activate.StatusCode);
        Assert.Single((await client.GetDocumentAsync($"/personer?q={tag}")).QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task Export_Csv_HasBomSemicolonsAndNeutralisesFormula()
    {
        var tag = Tag();
        var client = await app.SignedInAs(Roles.Admin);
        await CreateAsync(client, $"=1+2 Formel {tag}", "Bibliotekarie");

        var response = await client.GetAsync($"/personer?handler=Csv&q={tag}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("namn;e-post;kommunkod;organisation;roll;status", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Equal($"'=1+2 Formel {tag};{tag}@exempel.se;1281;Lunds stadsbibliotek;Bibliotekarie;aktiv", row);
    }

    [Fact]
    public async Task Export_Xlsx_IsAWorkbookWithThePeople()
    {
        var tag = Tag();
        var client = await app.SignedInAs(Roles.Admin);
        await CreateAsync(client, $"Exa Excel {tag}");

        var response = await client.GetAsync($"/personer?handler=Xlsx&q={tag}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("organisation", xml);
        Assert.Contains($"Exa Excel {tag}", xml);
    }

    [Fact]
    public async Task Get_UnknownPerson_Returns404()
    {
        var client = await app.SignedInAs(Roles.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/personer/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/personer/987654/redigera")).StatusCode);
    }
}
