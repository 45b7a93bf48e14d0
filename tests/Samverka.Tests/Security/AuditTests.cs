using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Accounts;

namespace Samverka.Tests.Security;

/// <summary>The audit trail: one correct row per change, in the change's transaction, immutable, scoped to the reader's region.</summary>
[Collection(AppCollection.Name)]
public class AuditTests(SamverkaFactory app)
{
    private static string Tag() => UniqueText.Letters(8);

    private Task<long> LastIdAsync() => app.WithDbAsync(db => db.AuditEvents.MaxAsync(e => (long?)e.Id)).ContinueWith(t => t.Result ?? 0);

    /// <summary>Events written since <paramref name="after"/>, oldest first.</summary>
    private Task<List<AuditEvent>> SinceAsync(long after) =>
        app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).ToListAsync());

    private static Dictionary<string, (JsonElement Before, JsonElement After)> Changes(AuditEvent e)
    {
        using var doc = JsonDocument.Parse(e.Changes!);
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name,
            p => (p.Value.GetProperty("before").Clone(), p.Value.GetProperty("after").Clone()));
    }

    private Task<Library> AddLibraryAsync(string name, string municipality) => app.WithDbAsync(async db =>
    {
        var now = DateTimeOffset.UtcNow;
        var library = new Library { Name = name, MunicipalityCode = municipality, City = "Förra orten", CreatedAt = now, UpdatedAt = now };
        db.Libraries.Add(library);
        await db.SaveChangesAsync();
        return library;
    });

    private static Dictionary<string, string> LibraryForm(string name, string municipality, string city = "") => new()
    {
        ["Input.Name"] = name, ["Input.Kind"] = "Folkbibliotek", ["Input.MunicipalityCode"] = municipality,
        ["Input.StreetAddress"] = "", ["Input.PostalCode"] = "", ["Input.City"] = city, ["Input.Email"] = "", ["Input.Website"] = "",
    };

    [Fact]
    public async Task StoredFile_Audited_WithoutItsContent()
    {
        var before = await LastIdAsync();
        var name = $"avtal-{Tag()}.pdf";
        await app.WithDbAsync(async db =>
        {
            db.StoredFiles.Add(new StoredFile { FileName = name, ContentType = "application/pdf", Length = 9,
                Sha256 = new string('a', 64), Content = "%PDF-1.4\n"u8.ToArray(), UploadedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        var e = Assert.Single(await SinceAsync(before));
        var changes = Changes(e);
        Assert.Equal(name, changes["FileName"].After.GetString());
        Assert.False(changes.ContainsKey("Content"));
    }

    [Fact]
    public async Task Post_CreateLibrary_WritesOneCreateRowWithWhoWhereAndValues()
    {
        var client = await app.SignedInAs(Roles.RegionalCoordinator);
        var name = $"Loggbibliotek {Tag()}";
        var before = await LastIdAsync();

        var response = await client.PostFormAsync("/bibliotek/ny", LibraryForm(name, "1280", "Malmö"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.WithDbAsync(db => db.Libraries.Where(l => l.Name == name).Select(l => l.Id).SingleAsync());
        var e = Assert.Single(await SinceAsync(before));
        Assert.Equal(("create", "Library", id.ToString()), (e.Action, e.EntityType, e.EntityId));
        Assert.Equal(SamverkaFactory.Accounts[Roles.RegionalCoordinator], e.UserEmail);
        Assert.NotNull(e.UserId);
        Assert.Equal(("12", "1280"), (e.CountyCode, e.MunicipalityCode));
        Assert.Contains(name, e.Summary);
        Assert.Contains("skapades", e.Summary);
        var changes = Changes(e);
        Assert.Equal(name, changes["Name"].After.GetString());
        Assert.Equal(JsonValueKind.Null, changes["Name"].Before.ValueKind);
        Assert.Equal("Folkbibliotek", changes["Kind"].After.GetString());
        Assert.DoesNotContain("SearchVector", changes.Keys);
        Assert.DoesNotContain("Version", changes.Keys);
    }

    [Fact]
    public async Task Post_EditLibrary_RecordsBeforeAndAfterOfTheChangedFieldOnly()
    {
        var library = await AddLibraryAsync($"Ändringsbibliotek {Tag()}", "1280");
        var client = await app.SignedInAs(Roles.RegionalCoordinator);
        var fields = FormFields.Of(await client.GetDocumentAsync($"/bibliotek/{library.Id}/redigera"));
        fields["Input.City"] = "Nya orten";
        var before = await LastIdAsync();

        var response = await client.PostAsync($"/bibliotek/{library.Id}/redigera", FormFields.Content(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var e = Assert.Single(await SinceAsync(before));
        Assert.Equal(("update", "Library", library.Id.ToString()), (e.Action, e.EntityType, e.EntityId));
        var changes = Changes(e);
        Assert.Equal(["City"], changes.Keys);
        Assert.Equal("Förra orten", changes["City"].Before.GetString());
        Assert.Equal("Nya orten", changes["City"].After.GetString());
        Assert.Contains("ort", e.Summary);
    }

    [Fact]
    public async Task Post_DeactivateLibrary_WritesOneDeactivateRow()
    {
        var library = await AddLibraryAsync($"Avaktiveringsbibliotek {Tag()}", "1280");
        var client = await app.SignedInAs(Roles.RegionalCoordinator);
        var page = await client.GetDocumentAsync($"/bibliotek/{library.Id}/redigera");
        var fields = FormFields.Of(page, "form[action*='Deactivate']");
        var before = await LastIdAsync();

        var response = await client.PostAsync($"/bibliotek/{library.Id}/redigera?handler=Deactivate", FormFields.Content(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var e = Assert.Single(await SinceAsync(before));
        Assert.Equal(("deactivate", library.Id.ToString()), (e.Action, e.EntityId));
        var changes = Changes(e);
        Assert.Equal(["IsActive"], changes.Keys);
        Assert.True(changes["IsActive"].Before.GetBoolean());
        Assert.False(changes["IsActive"].After.GetBoolean());
        Assert.Contains("avaktiverades", e.Summary);
    }

    [Fact]
    public async Task Post_CreatePerson_WritesOneRowInTheLibrarysRegion()
    {
        var client = await app.SignedInAs(Roles.RegionalCoordinator);
        var tag = Tag();
        var lund = await app.WithDbAsync(db => db.Libraries.Where(l => l.Name == "Lunds stadsbibliotek").Select(l => l.Id).SingleAsync());
        var before = await LastIdAsync();

        var response = await client.PostFormAsync("/personer/ny", new()
        {
            ["Input.Name"] = $"Logg Person {tag}", ["Input.Email"] = $"logg.{tag}@exempel.se",
            ["Input.LibraryId"] = lund.ToString(), ["Input.RoleTitle"] = "Bibliotekarie",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var e = Assert.Single(await SinceAsync(before));
        Assert.Equal(("create", "Person"), (e.Action, e.EntityType));
        Assert.Equal(("12", "1281"), (e.CountyCode, e.MunicipalityCode));
        var changes = Changes(e);
        Assert.Equal($"logg.{tag}@exempel.se", changes["Email"].After.GetString());
        Assert.Equal(lund, changes["LibraryId"].After.GetInt32());
    }

    [Fact]
    public async Task Post_ImportOfThreeNewLibraries_WritesThreeRows()
    {
        var client = await app.SignedInAs(Roles.RegionalCoordinator);
        var tag = Tag();
        var csv = "namn;typ;kommunkod\r\n" +
            $"Loggimport A {tag};Filial;1280\r\nLoggimport B {tag};Filial;1280\r\nLoggimport C {tag};Folkbibliotek;1281\r\n";
        var token = await client.AntiforgeryTokenAsync("/bibliotek/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "bibliotek.csv");
        var before = await LastIdAsync();

        var response = await client.PostAsync("/bibliotek/import", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var events = await SinceAsync(before);
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal(("create", "Library"), (e.Action, e.EntityType)));
        Assert.Equal(3, events.Select(e => e.EntityId).Distinct().Count());
    }

    [Fact]
    public async Task RoleAssignmentCreated_WritesOneRoleChangeRow()
    {
        var before = await LastIdAsync();
        await app.WithDbAsync(async db =>
        {
            var ella = await db.Users.SingleAsync(u => u.Email == ScopeSupport.Ella);
            db.RoleAssignments.Add(new RoleAssignment { UserId = ella.Id, Role = Roles.LibraryManager, MunicipalityCode = "1983" });
            return await db.SaveChangesAsync();
        });

        var e = Assert.Single(await SinceAsync(before));
        Assert.Equal(("role_change", "RoleAssignment"), (e.Action, e.EntityType));
        Assert.Equal(("19", "1983"), (e.CountyCode, e.MunicipalityCode));
        Assert.Equal("system", e.UserEmail);
        Assert.Contains(ScopeSupport.Ella, e.Summary);
        Assert.Contains("Bibliotekschef", e.Summary);
        Assert.Equal("manager", Changes(e)["Role"].After.GetString());

        // Removing it again is a role change too.
        var removed = await LastIdAsync();
        await app.WithDbAsync(async db =>
        {
            db.RoleAssignments.Remove(await db.RoleAssignments.SingleAsync(r => r.Id == int.Parse(e.EntityId!)));
            return await db.SaveChangesAsync();
        });
        var r = Assert.Single(await SinceAsync(removed));
        Assert.Equal(("role_change", e.EntityId), (r.Action, r.EntityId));
        Assert.Contains("togs bort", r.Summary);
    }

    [Fact]
    public async Task PasswordChange_IsRecordedWithoutHashOrStamp()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"losen.{Tag()}@exempel.se";
        var user = new AppUser { UserName = email, Email = email, DisplayName = "Lösenordstest" };
        Assert.True((await users.CreateAsync(user, SamverkaFactory.Password)).Succeeded);
        var before = await LastIdAsync();

        Assert.True((await users.ChangePasswordAsync(user, SamverkaFactory.Password, "ett-helt-annat-losenord-2026")).Succeeded);

        var e = Assert.Single(await SinceAsync(before));
        Assert.Equal(("update", "AppUser"), (e.Action, e.EntityType));
        Assert.Equal(["Password"], Changes(e).Keys);
        Assert.DoesNotContain("AQAAAA", e.Changes); // Identity's hash prefix
        Assert.DoesNotContain("Stamp", e.Changes);
    }

    [Fact]
    public async Task SignIn_Success_WritesOneSignInRow()
    {
        var client = app.Anonymous();
        var before = await LastIdAsync();

        var response = await client.PostFormAsync("/konto/logga-in", new() { ["Email"] = ScopeSupport.Hugo, ["Password"] = SamverkaFactory.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var e = Assert.Single(await SinceAsync(before));
        Assert.Equal(("sign_in", ScopeSupport.Hugo, "AppUser"), (e.Action, e.UserEmail, e.EntityType));
        Assert.Equal(e.UserId, e.EntityId);
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownAccount_WritesOneFailedRowEach()
    {
        var client = app.Anonymous();
        var before = await LastIdAsync();

        var wrong = await client.PostFormAsync("/konto/logga-in", new() { ["Email"] = ScopeSupport.Ella, ["Password"] = "fel-losenord-helt-och-hallet" });
        var first = Assert.Single(await SinceAsync(before));
        var unknown = await client.PostFormAsync("/konto/logga-in", new() { ["Email"] = "finns.inte@exempel.se", ["Password"] = "fel-losenord-helt-och-hallet" });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(("sign_in_failed", ScopeSupport.Ella), (first.Action, first.UserEmail));
        Assert.NotNull(first.UserId);
        Assert.Contains("fel lösenord", first.Summary);
        var second = Assert.Single(await SinceAsync(first.Id));
        Assert.Equal(("sign_in_failed", "finns.inte@exempel.se"), (second.Action, second.UserEmail));
        Assert.Null(second.UserId);
        Assert.DoesNotContain("fel-losenord", first.Summary + first.Changes + second.Summary + second.Changes);
        await app.WithDbAsync(async db =>
        {
            var ella = await db.Users.SingleAsync(u => u.Email == ScopeSupport.Ella);
            ella.AccessFailedCount = 0; // leave Ella as other tests expect her
            return await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_WritesFiveFailedRowsAndOneLockout()
    {
        var email = await app.CreateUserAsync(Roles.LibraryStaff);
        var before = await LastIdAsync();

        for (var i = 0; i < 5; i++)
            await app.Anonymous().SignIn(email, "fel-losenord-helt-och-hallet");

        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var events = (await SinceAsync(before)).Where(e => e.EntityId == id).ToList();
        Assert.Equal(5, events.Count(e => e.Action == "sign_in_failed" && e.UserEmail == email));
        var lockout = Assert.Single(events, e => e.Action == "lockout");
        Assert.Equal("AppUser", lockout.EntityType);
        Assert.Null(lockout.UserId); // the failed attempt was made by nobody signed in
        Assert.Equal(["LockoutEnd"], Changes(lockout).Keys);
        Assert.Equal(6, events.Count);
    }

    [Fact]
    public async Task AccountDeactivated_WritesOneDeactivateRow()
    {
        var email = await app.CreateUserAsync(Roles.LibraryStaff);
        var before = await LastIdAsync();

        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == email)).IsActive = false;
            return await db.SaveChangesAsync();
        });

        var e = Assert.Single(await SinceAsync(before));
        Assert.Equal(("deactivate", "AppUser"), (e.Action, e.EntityType));
        Assert.Contains("avaktiverades", e.Summary);
    }

    /// <summary>An account with a staff role at a library, straight through UserManager; returns (id, e-mail, name).</summary>
    private async Task<(string Id, string Email, string Name)> StaffAccountAsync(string library)
    {
        var tag = Tag();
        var email = $"kontologg.{tag.ToLowerInvariant()}@exempel.se";
        var libraryId = await ScopeSupport.LibraryIdAsync(app, library);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Kontologg {tag}", LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, SamverkaFactory.Password)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = Roles.LibraryStaff, LibraryId = libraryId });
        await db.SaveChangesAsync();
        return (user.Id, email, user.DisplayName);
    }

    [Fact]
    public async Task AccountEvents_TakeTheRegionOfTheAccountsRoles_SoTheRegionalCoordinatorSeesThem()
    {
        var (id, _, name) = await StaffAccountAsync("Helsingborgs stadsbibliotek"); // Skåne (12), Helsingborg (1283)
        var sara = await app.SignedInAs(Roles.RegionalCoordinator);
        var before = await LastIdAsync();

        var response = await sara.PostAsync($"/admin/konton/{id}?handler=Deactivate", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = await sara.AntiforgeryTokenAsync("/") }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var e = Assert.Single(await SinceAsync(before));
        Assert.Equal(("deactivate", "AppUser", id), (e.Action, e.EntityType, e.EntityId));
        Assert.Equal(("12", "1283"), (e.CountyCode, e.MunicipalityCode));

        var saraLog = (await sara.GetDocumentAsync($"/admin/logg?q={id}")).QuerySelector("main")!.TextContent;
        Assert.Contains(name, saraLog);
        var viktorLog = (await (await app.As(ScopeSupport.Viktor)).GetDocumentAsync($"/admin/logg?q={id}")).QuerySelector("main")!.TextContent;
        Assert.DoesNotContain(name, viktorLog);
    }

    [Fact]
    public async Task AccountEvents_SignInAndRoleRemovedInTheSameSave_KeepTheRegion()
    {
        var (id, email, _) = await StaffAccountAsync("Köpings bibliotek"); // Västmanland (19), Köping (1983)
        var before = await LastIdAsync();

        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/konto/logga-in", new() { ["Email"] = email, ["Password"] = SamverkaFactory.Password })).StatusCode);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == id)).IsActive = false;
            db.RoleAssignments.RemoveRange(await db.RoleAssignments.Where(r => r.UserId == id).ToListAsync());
            return await db.SaveChangesAsync();
        });

        var events = await SinceAsync(before);
        Assert.Equal(["deactivate", "role_change", "sign_in"], events.Select(e => e.Action).Order(StringComparer.Ordinal).ToArray());
        Assert.All(events, e => Assert.Equal(("19", "1983"), (e.CountyCode, e.MunicipalityCode)));
    }

    [Fact]
    public async Task Get_PageOutsideRole_WritesOneAccessDeniedRow()
    {
        var client = await app.SignedInAs(Roles.LibraryStaff);
        var before = await LastIdAsync();

        var response = await client.GetAsync("/bibliotek/ny");

        Assert.True(ScopeSupport.IsDenied(response));
        var e = Assert.Single(await SinceAsync(before));
        Assert.Equal(("access_denied", SamverkaFactory.Accounts[Roles.LibraryStaff]), (e.Action, e.UserEmail));
        Assert.Contains("GET /bibliotek/ny", e.Summary);
    }

    [Fact]
    public async Task Database_RefusesUpdateDeleteAndTruncateOfAuditEvents()
    {
        await AddLibraryAsync($"Oföränderligt {Tag()}", "1280");
        var last = await LastIdAsync();
        foreach (var sql in new[]
        {
            $"UPDATE audit_events SET summary = 'ändrad' WHERE id = {last}",
            $"DELETE FROM audit_events WHERE id = {last}",
            "TRUNCATE audit_events",
        })
        {
            // The app's own role has no right to change the rows at all (DatabaseRoleTests) ...
            var refused = await Assert.ThrowsAsync<PostgresException>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            // ... and the owner, who may, is stopped by the trigger.
            await using var owner = new NpgsqlConnection(app.Database.OwnerConnectionString);
            await owner.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, owner);
            var error = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
            Assert.Contains("append-only", error.MessageText);
        }
        var row = await app.WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Id == last));
        Assert.Contains("Oföränderligt", row.Summary);
    }

    [Fact]
    public async Task FailedSave_LeavesNoAuditRow()
    {
        var existing = await AddLibraryAsync($"Dubblett {Tag()}", "1280");
        var before = await LastIdAsync();

        // The second library breaks the unique index on (municipality, name): the whole save fails.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Libraries.Add(new Library { Name = $"Giltigt {Tag()}", MunicipalityCode = "1280", CreatedAt = now, UpdatedAt = now });
            db.Libraries.Add(new Library { Name = existing.Name, MunicipalityCode = "1280", CreatedAt = now, UpdatedAt = now });
            return await db.SaveChangesAsync();
        }));

        Assert.Empty(await SinceAsync(before));
    }

    [Fact]
    public async Task RolledBackTransaction_LeavesNeitherChangeNorAuditRow()
    {
        var name = $"Återrullat {Tag()}";
        var before = await LastIdAsync();

        await app.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var now = DateTimeOffset.UtcNow;
            db.Libraries.Add(new Library { Name = name, MunicipalityCode = "1280", CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
            // Inside the transaction the audit row exists, with the new id …
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Id > before));
            await tx.RollbackAsync();
            return 0;
        });

        // … and after the rollback neither does.
        Assert.Empty(await SinceAsync(before));
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name == name)));
    }

    [Fact]
    public async Task Get_Log_RegionalCoordinatorSeesOnlyOwnRegion_AdminSeesAll()
    {
        var tag = Tag();
        await AddLibraryAsync($"Regionlogg Malmö {tag}", "1280");
        await AddLibraryAsync($"Regionlogg Västerås {tag}", "1980");

        var viktor = await app.As(ScopeSupport.Viktor);
        var page = await viktor.GetAsync($"/admin/logg?q={tag}");
        var text = (await page.ToDocumentAsync()).QuerySelector("main")!.TextContent;
        var csv = await (await viktor.GetAsync($"/admin/logg?handler=Csv&q={tag}")).Content.ReadAsStringAsync();
        var admin = (await (await app.SignedInAs(Roles.Admin)).GetDocumentAsync($"/admin/logg?q={tag}")).QuerySelector("main")!.TextContent;

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"Regionlogg Västerås {tag}", text);
        Assert.DoesNotContain($"Regionlogg Malmö {tag}", text);
        Assert.Contains($"Regionlogg Västerås {tag}", csv);
        Assert.DoesNotContain($"Regionlogg Malmö {tag}", csv);
        Assert.Contains($"Regionlogg Västerås {tag}", admin);
        Assert.Contains($"Regionlogg Malmö {tag}", admin);
    }

    [Fact]
    public async Task Get_Log_FiltersByActionTypeWhoAndDate()
    {
        var tag = Tag();
        await AddLibraryAsync($"Filterlogg {tag}", "1280");
        var client = await app.SignedInAs(Roles.Admin);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var yesterday = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd");

        async Task<bool> Shows(string query) =>
            (await client.GetDocumentAsync($"/admin/logg?q={tag}&{query}")).QuerySelector("main")!.TextContent.Contains($"Filterlogg {tag}");

        Assert.True(await Shows("handelse=create&typ=Library&vem=system"));
        Assert.False(await Shows("handelse=update"));
        Assert.False(await Shows("typ=Person"));
        Assert.False(await Shows("vem=sara"));
        Assert.True(await Shows($"fran={yesterday}&till={today}"));
        Assert.False(await Shows($"till={yesterday}"));
    }

    [Fact]
    public async Task Get_Log_InvalidDate_RendersSwedishErrorLinkedToField()
    {
        var client = await app.SignedInAs(Roles.Admin);

        var response = await client.GetAsync("/admin/logg?fran=2026-13-45&till=igår");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        var errors = doc.ErrorMessages();
        Assert.Equal(2, errors.Length);
        Assert.Contains("2026-11-21", errors[0]);
        Assert.NotNull(doc.QuerySelector(".error-summary a[href='#Fran']"));
        Assert.NotNull(doc.QuerySelector(".error-summary a[href='#Till']"));
        Assert.Equal("true", doc.QuerySelector("#Fran")!.GetAttribute("aria-invalid"));
        Assert.Empty(doc.QuerySelectorAll("table.audit"));
    }

    [Theory]
    [InlineData(ScopeSupport.Maja)]
    [InlineData(ScopeSupport.Hugo)]
    [InlineData(ScopeSupport.Nora)]
    public async Task Get_Log_ManagerStaffOrNational_IsDenied(string email)
    {
        var client = await app.As(email);

        Assert.True(ScopeSupport.IsDenied(await client.GetAsync("/admin/logg")));
        Assert.True(ScopeSupport.IsDenied(await client.GetAsync("/admin/logg?handler=Csv")));
    }

    [Fact]
    public async Task Get_Log_Anonymous_RedirectsToSignIn()
    {
        var response = await app.Anonymous().GetAsync("/admin/logg?handler=Csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/logga-in", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Layout_ShowsLogLinkToAdminsAndRegionalCoordinatorsOnly()
    {
        var admin = await (await app.SignedInAs(Roles.Admin)).GetDocumentAsync("/");
        var regional = await (await app.As(ScopeSupport.Viktor)).GetDocumentAsync("/");
        var manager = await (await app.As(ScopeSupport.Maja)).GetDocumentAsync("/");

        // The log is a part of the Administration section: its landing page links to it.
        Assert.NotNull(admin.QuerySelector("nav a[href='/administration']"));
        Assert.NotNull(regional.QuerySelector("nav a[href='/administration']"));
        Assert.Null(manager.QuerySelector("nav a[href='/administration']"));
        Assert.NotNull((await (await app.SignedInAs(Roles.Admin)).GetDocumentAsync("/administration")).QuerySelector("main a[href='/admin/logg']"));
        Assert.NotNull((await (await app.As(ScopeSupport.Viktor)).GetDocumentAsync("/administration")).QuerySelector("main a[href='/admin/logg']"));
    }
}
