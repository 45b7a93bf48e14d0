using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Accounts;

namespace Samverka.Tests.Security;

/// <summary>Item 5: the right of access (my data as JSON), erasure by administrators, and no personnummer anywhere.</summary>
[Collection(AppCollection.Name)]
public class PrivacyTests(SamverkaFactory app)
{
    private const string Personnummer = "Skriv inte personnummer i Samverka.";

    /// <summary>A person in Malmö with an account (same e-mail) holding a staff role there.</summary>
    private async Task<(int PersonId, string UserId, int LibraryId)> PersonWithAccountAsync(string name, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var libraryId = await db.Libraries.Where(l => l.Name == "Malmö stadsbibliotek").Select(l => l.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var person = new Person { Name = name, Email = email, LibraryId = libraryId, RoleTitle = "Bibliotekarie (fiktiv)", CreatedAt = now, UpdatedAt = now };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, LockoutEnabled = true };
        var created = await users.CreateAsync(user, SamverkaFactory.Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Roles.LibraryStaff, LibraryId = libraryId });
        await db.SaveChangesAsync();
        return (person.Id, user.Id, libraryId);
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = app.Anonymous();
        var response = await client.PostFormAsync("/konto/logga-in", new() { ["Email"] = email, ["Password"] = SamverkaFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task Get_MyData_Anonymous_RedirectsToSignIn()
    {
        var response = await app.Anonymous().GetAsync("/konto/mina-uppgifter?handler=Download");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Get_MyDataDownload_ContainsAccountRolesAndPersonButNoSecrets()
    {
        var client = await app.SignedInAs(Roles.LibraryStaff); // Hugo Testsson, staff at Helsingborgs stadsbibliotek
        var page = await client.GetDocumentAsync("/konto/mina-uppgifter");
        Assert.Contains("hugo.testsson@exempel.se", page.QuerySelector("main")!.TextContent);
        Assert.NotNull(page.QuerySelector("header a[href='/konto/mina-uppgifter']"));

        var response = await client.GetAsync("/konto/mina-uppgifter?handler=Download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^mina-uppgifter-\d{4}-\d{2}-\d{2}\.json$", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(text).RootElement;
        var account = json.GetProperty("account");
        Assert.Equal("hugo.testsson@exempel.se", account.GetProperty("email").GetString());
        Assert.Equal("Hugo Testsson", account.GetProperty("displayName").GetString());
        Assert.False(account.GetProperty("twoFactorEnabled").GetBoolean());
        var role = account.GetProperty("roles").EnumerateArray().Single();
        Assert.Equal(Roles.LibraryStaff, role.GetProperty("role").GetString());
        Assert.Equal("Helsingborgs stadsbibliotek", role.GetProperty("libraryName").GetString());
        var person = json.GetProperty("people").EnumerateArray().Single();
        Assert.Equal("Hugo Testsson", person.GetProperty("name").GetString());
        Assert.Equal("Bibliotekarie (fiktiv)", person.GetProperty("roleTitle").GetString());
        Assert.True(json.GetProperty("auditEvents").GetArrayLength() >= 1, "at least the sign-in just made");

        var (hash, stamp) = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "hugo.testsson@exempel.se")
            .Select(u => new { u.PasswordHash, u.SecurityStamp }).SingleAsync().ContinueWith(t => (t.Result.PasswordHash!, t.Result.SecurityStamp!)));
        Assert.DoesNotContain(hash, text);
        Assert.DoesNotContain(stamp, text);
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Öjvind", text); // nobody else's entry
    }

    [Fact]
    public async Task Post_RemovePersonalData_KeepsCountsAndRemovesNameAndEmailEverywhere()
    {
        const string name = "Raderbar Exempelsdotter", email = "raderbar.exempelsdotter@exempel.se";
        var (personId, userId, libraryId) = await PersonWithAccountAsync(name, email);
        var countBefore = await app.WithDbAsync(db => db.People.CountAsync(p => p.LibraryId == libraryId));
        var admin = await app.SignedInAs(Roles.Admin);
        var url = $"/personer/{personId}/ta-bort-personuppgifter";
        Assert.Contains(url, (await admin.GetDocumentAsync($"/personer/{personId}")).QuerySelector("main")!.InnerHtml);

        var response = await admin.PostFormAsync(url, new() { ["Confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(countBefore, await app.WithDbAsync(db => db.People.CountAsync(p => p.LibraryId == libraryId)));
        var stored = await app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == personId));
        Assert.Equal("Borttagen person", stored.Name);
        Assert.Equal($"borttagen-{personId}@invalid.example", stored.Email);
        Assert.Null(stored.RoleTitle);
        Assert.False(stored.IsActive);

        var user = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));
        Assert.DoesNotContain("Raderbar", user.DisplayName);
        Assert.Equal($"borttagen-{personId}@invalid.example", user.Email);
        Assert.Null(user.PasswordHash);
        Assert.False(user.IsActive);
        Assert.Equal(0, await app.WithDbAsync(db => db.RoleAssignments.CountAsync(r => r.UserId == userId)));

        foreach (var list in new[] { "/personer?inaktiva=true", "/personer?inaktiva=true&handler=Csv", $"/personer/{personId}" })
        {
            var body = await admin.GetStringAsync(list);
            Assert.DoesNotContain("Raderbar", body);
            Assert.DoesNotContain(email, body);
        }
        var xlsx = await admin.GetByteArrayAsync("/personer?inaktiva=true&handler=Xlsx");
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(xlsx)))
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                Assert.DoesNotContain("Raderbar", await reader.ReadToEndAsync());
            }

        // The audit trail records who removed it, without copying what was removed.
        var events = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(a => a.EntityType == nameof(Person) && a.EntityId == personId.ToString() && a.Summary.Contains("Personuppgifterna"))
            .ToListAsync());
        var removal = Assert.Single(events);
        Assert.Equal(SamverkaFactory.AdminEmail, removal.UserEmail);
        Assert.DoesNotContain("Raderbar", removal.Changes);
        Assert.DoesNotContain(email, removal.Changes);

        // The account can no longer sign in.
        var signIn = await app.Anonymous().PostFormAsync("/konto/logga-in", new() { ["Email"] = email, ["Password"] = SamverkaFactory.Password });
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Post_RemovePersonalDataWithoutConfirmation_RendersErrorAndChangesNothing()
    {
        var (personId, _, _) = await PersonWithAccountAsync("Obekräftad Exempel", "obekraftad.exempel@exempel.se");
        var admin = await app.SignedInAs(Roles.Admin);

        var response = await admin.PostFormAsync($"/personer/{personId}/ta-bort-personuppgifter", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Equal("#Confirm", doc.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("Obekräftad Exempel", await app.WithDbAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Name).SingleAsync()));
    }

    [Theory]
    [InlineData(Roles.RegionalCoordinator)]
    [InlineData(Roles.LibraryManager)]
    [InlineData(Roles.NationalCoordinator)]
    public async Task Post_RemovePersonalData_NotAdmin_IsDeniedAndChangesNothing(string role)
    {
        var (personId, _, _) = await PersonWithAccountAsync($"Skyddad {role} Exempel", $"skyddad.{role}@exempel.se");
        var client = await app.SignedInAs(role);
        var token = await client.AntiforgeryTokenAsync("/konto/mina-uppgifter");

        var get = await client.GetAsync($"/personer/{personId}/ta-bort-personuppgifter");
        var post = await client.PostAsync($"/personer/{personId}/ta-bort-personuppgifter",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Confirm"] = "true", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/konto/nekad", get.Headers.Location!.PathAndQuery);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.StartsWith("Skyddad", await app.WithDbAsync(db => db.People.Where(p => p.Id == personId).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task Post_SignInWithPersonnummer_RefusedAndNeverWrittenToAuditTrail()
    {
        var response = await app.Anonymous().PostFormAsync("/konto/logga-in", new() { ["Email"] = "19791231-9876", ["Password"] = "vad som helst men långt" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ToDocumentAsync()).ErrorMessages(), m => m.Contains(Personnummer));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEvents.CountAsync(a =>
            (a.UserEmail != null && a.UserEmail.Contains("9876")) || a.Summary.Contains("9876"))));
    }

    private static Dictionary<string, string> LibraryForm(string name) => new()
    {
        ["Input.Name"] = name, ["Input.Kind"] = "Filial", ["Input.MunicipalityCode"] = "1280",
        ["Input.StreetAddress"] = "", ["Input.PostalCode"] = "", ["Input.City"] = "", ["Input.Email"] = "", ["Input.Website"] = "",
    };

    [Theory]
    [InlineData("Input.Name", "Filial 19800101-1234")]
    [InlineData("Input.StreetAddress", "Storgatan 1, 800101-1234")]
    [InlineData("Input.City", "Malmö 198001011234")]
    public async Task Post_LibraryFormWithPersonnummer_RendersErrorAndStoresNothing(string field, string value)
    {
        var client = await app.SignedInAs(Roles.Admin);
        var name = $"Personnummerfilial {UniqueText.Letters(20)}"[..30];
        var form = LibraryForm(name);
        form[field] = value;

        var response = await client.PostFormAsync("/bibliotek/ny", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var link = (await response.ToDocumentAsync()).QuerySelectorAll(".error-summary a").Single(a => a.TextContent.Contains(Personnummer));
        Assert.Equal("#" + field.Replace('.', '_'), link.GetAttribute("href"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name == name || l.Name == value)));
    }

    [Fact]
    public async Task Post_ApiWithPersonnummer_Returns400AndStoresNothing()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var response = await admin.PostAsJsonAsync("/api/v1/libraries",
            new { name = "API-filial", kind = "Filial", municipalityCode = "1280", streetAddress = "Kontakt 19800101-1234" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Personnummer, error.GetProperty("errors").GetProperty("streetAddress")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name == "API-filial")));
    }

    [Fact]
    public async Task Post_LibraryImportWithPersonnummer_ReportsRowAndStoresNothing()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var csv = Encoding.UTF8.GetBytes("namn;typ;kommunkod;ort\nPnr-import Ett;Filial;1280;Malmö\nPnr-import Två;Filial;1280;Malmö 800101-1234\n");
        var response = await client.PostFileAsync("/bibliotek/import", csv, "bibliotek.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rows = (await response.ToDocumentAsync()).QuerySelectorAll(".table-scroll tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "3" && r[1] == "ort" && r[3] == Personnummer);
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name.StartsWith("Pnr-import"))));
    }
}
