using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory.Libraries;
using Samverka.Web.Features.Directory;

namespace Samverka.Tests.Features.Directory.Libraries;

/// <summary>
/// Two saves of the same library name at the same moment: both pass the name check, the database's
/// unique index stops the second. The race is forced: another transaction holds an uncommitted
/// library of that name (invisible to the request's check), the request's INSERT waits on the
/// index, and the other transaction commits only once the request is waiting there.
/// </summary>
[Collection(AppCollection.Name)]
public class LibraryNameRaceTests(SamverkaFactory app)
{
    private static string Tag() => UniqueText.Letters(10);

    private async Task<T> RaceAsync<T>(string name, string municipality, Func<Task<T>> request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        db.Libraries.Add(new Library { Name = name, MunicipalityCode = municipality, CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();

        var pending = request();
        await using (var watcher = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await watcher.OpenAsync();
            await using var waiting = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND (query ILIKE '%INSERT INTO libraries%' OR query ILIKE '%UPDATE libraries%')", watcher);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((long)(await waiting.ExecuteScalarAsync())! == 0)
            {
                Assert.False(pending.IsCompleted, "The request finished without waiting on the other transaction's name");
                Assert.True(DateTime.UtcNow < deadline, "The request never reached the unique index");
                await Task.Delay(20);
            }
        }
        await tx.CommitAsync();
        return await pending;
    }

    private Task<int> CountAsync(string name) =>
        app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name.ToLower() == name.ToLower()));

    private static string Message(string name) => $"Det finns redan ett bibliotek som heter {name} i kommunen.";

    [Fact]
    public async Task Form_CreateLosingTheRace_GetsTheNameErrorNot500()
    {
        var name = $"Kapplöpning {Tag()}";
        var client = await app.SignedInAs(Roles.RegionalCoordinator);
        var token = await client.AntiforgeryTokenAsync("/bibliotek/ny");

        var response = await RaceAsync(name.ToLowerInvariant(), "1280", () => client.PostAsync("/bibliotek/ny", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Kind"] = "Folkbibliotek", ["Input.MunicipalityCode"] = "1280", ["Input.City"] = "Malmö",
            ["__RequestVerificationToken"] = token,
        })));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Equal([Message(name)], doc.ErrorMessages());
        Assert.Equal(name, doc.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));
        Assert.Equal(1, await CountAsync(name));
    }

    [Fact]
    public async Task Form_RenameLosingTheRace_GetsTheNameErrorNot500()
    {
        var name = $"Kapplöpning {Tag()}";
        var client = await app.SignedInAs(Roles.RegionalCoordinator);
        var id = await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var library = new Library { Name = $"Före {Tag()}", MunicipalityCode = "1280", CreatedAt = now, UpdatedAt = now };
            db.Libraries.Add(library);
            await db.SaveChangesAsync();
            return library.Id;
        });
        var fields = Security.FormFields.Of(await client.GetDocumentAsync($"/bibliotek/{id}/redigera"));
        fields["Input.Name"] = name;

        var response = await RaceAsync(name, "1280", () => client.PostAsync($"/bibliotek/{id}/redigera", new FormUrlEncodedContent(fields)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([Message(name)], (await response.ToDocumentAsync()).ErrorMessages());
        Assert.StartsWith("Före ", await app.WithDbAsync(db => db.Libraries.Where(l => l.Id == id).Select(l => l.Name).SingleAsync()));
    }

    [Fact]
    public async Task Api_CreateLosingTheRace_Is400WithTheNameError()
    {
        var name = $"Kapplöpning {Tag()}";
        var client = await app.SignedInAs(Roles.Admin);

        var response = await RaceAsync(name.ToUpperInvariant(), "1280", () => client.PostAsJsonAsync("/api/v1/libraries",
            new { name, kind = "Filial", municipalityCode = "1280" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Message(name), body.RootElement.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(1, await CountAsync(name));
    }

    [Fact]
    public async Task Import_LosingTheRace_ReportsTheRowAndStoresNothing()
    {
        var tag = Tag();
        var name = $"Kapplöpning {tag}";
        var other = $"Kapplöpning annan {tag}";
        var client = await app.SignedInAs(Roles.RegionalCoordinator);
        var token = await client.AntiforgeryTokenAsync("/bibliotek/import");
        var csv = Encoding.UTF8.GetBytes($"namn;typ;kommunkod\n{other};Folkbibliotek;1280\n{name};Folkbibliotek;1280\n");

        var response = await RaceAsync(name, "1280", () =>
        {
            var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            var file = new ByteArrayContent(csv);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "Upload", "bibliotek.csv");
            return client.PostAsync("/bibliotek/import", form);
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rows = (await response.ToDocumentAsync()).QuerySelectorAll(".table-scroll tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(("3", "namn"), (row[0], row[1]));
        Assert.Contains(Message(name), row[3]);
        Assert.Equal(0, await CountAsync(other)); // the file lands whole or not at all
    }

    [Fact]
    public void IsDuplicateName_OnlyForTheLibraryNameIndex()
    {
        static DbUpdateException Failure(string sqlState, string? constraint) =>
            new("save failed", new PostgresException("duplicate", "ERROR", "ERROR", sqlState, constraintName: constraint));
        Assert.True(LibrarySaving.IsDuplicateName(Failure(PostgresErrorCodes.UniqueViolation, LibrarySaving.UniqueNameIndex)));
        Assert.False(LibrarySaving.IsDuplicateName(Failure(PostgresErrorCodes.UniqueViolation, "ix_people_email")));
        Assert.False(LibrarySaving.IsDuplicateName(Failure(PostgresErrorCodes.ForeignKeyViolation, LibrarySaving.UniqueNameIndex)));
        Assert.False(LibrarySaving.IsDuplicateName(new DbUpdateException("no inner")));
    }
}
