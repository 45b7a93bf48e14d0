using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Security;

/// <summary>Fields a form does not offer (ids, state, timestamps, another organisation) are ignored or refused.</summary>
[Collection(AppCollection.Name)]
public class MassAssignmentTests(SamverkaFactory app)
{
    [Fact]
    public async Task Post_EditLibraryWithExtraFields_IgnoresThem()
    {
        var client = await app.As(Maja);
        var name = $"Massbibliotek {Tag()}";
        var created = await client.PostFormAsync("/bibliotek/ny", new()
        {
            ["Input.Name"] = name, ["Input.Kind"] = "Filial", ["Input.MunicipalityCode"] = "1280",
            ["Input.IsActive"] = "false", ["IsActive"] = "false", ["Input.Id"] = "1", ["Id"] = "1",
            ["Input.CreatedAt"] = "2000-01-01", ["CreatedAt"] = "2000-01-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        var stored = await app.LibraryAsync(id);
        Assert.NotEqual(1, id);
        Assert.True(stored.IsActive);
        Assert.True(stored.CreatedAt > DateTimeOffset.UtcNow.AddHours(-1));

        var edited = await client.PostFormAsync($"/bibliotek/{id}/redigera", new()
        {
            ["Input.Name"] = name, ["Input.Kind"] = "Filial", ["Input.MunicipalityCode"] = "1280",
            ["Input.IsActive"] = "false", ["Input.Id"] = "2", ["Input.CreatedAt"] = "2000-01-01", ["Input.MunicipalityCode_"] = "1980",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await app.LibraryAsync(id);
        Assert.True(after.IsActive);
        Assert.Equal(stored.CreatedAt, after.CreatedAt);
        Assert.Equal("1280", after.MunicipalityCode);
        Assert.Equal("Malmö stadsbibliotek", (await app.LibraryAsync(await app.LibraryIdAsync("Malmö stadsbibliotek"))).Name);
    }

    [Fact]
    public async Task Post_CreatePersonWithExtraFields_IgnoresThem()
    {
        var client = await app.As(Maja);
        var email = $"mass.{Tag()}" + "@exempel.se";
        var response = await client.PostFormAsync("/personer/ny", new()
        {
            ["Input.Name"] = "Mass Person", ["Input.Email"] = email,
            ["Input.LibraryId"] = (await app.LibraryIdAsync("Malmö stadsbibliotek")).ToString(), ["Input.RoleTitle"] = "",
            ["Input.IsActive"] = "false", ["IsActive"] = "false", ["Input.Id"] = "1", ["Input.Role"] = "admin", ["Role"] = "admin",
            ["Input.MunicipalityCode"] = "1980",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.WithDbAsync(db => db.People.AsNoTracking().Include(p => p.Library).SingleAsync(p => p.Email == email));
        Assert.True(stored.IsActive);
        Assert.NotEqual(1, stored.Id);
        Assert.Equal("1280", stored.Library!.MunicipalityCode);
        // Posting a role does not give one.
        Assert.Equal(0, await app.WithDbAsync(db => db.RoleAssignments.CountAsync(r => r.User!.Email == Maja && r.Role == "admin")));
    }

    [Fact]
    public async Task Api_PutWithExtraFields_IgnoresThem()
    {
        var client = await app.As(Maja);
        var name = $"Massapi {Tag()}";
        var created = await client.PostAsJsonAsync("/api/v1/libraries", new { name, kind = "Filial", municipalityCode = "1280", isActive = false, id = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = await app.WithDbAsync(db => db.Libraries.Where(l => l.Name == name).Select(l => l.Id).SingleAsync());
        Assert.NotEqual(1, id);
        Assert.True((await app.LibraryAsync(id)).IsActive);
    }
}
