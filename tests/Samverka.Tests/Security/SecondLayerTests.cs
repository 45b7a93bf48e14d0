using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.Directory;

namespace Samverka.Tests.Security;

/// <summary>
/// The second layer, without any page's check: the query filter on people and the SaveChanges guard
/// must hold even for code that forgot to ask DirectoryAccess.
/// </summary>
[Collection(AppCollection.Name)]
public class SecondLayerTests(SamverkaFactory app)
{
    [Fact]
    public async Task QueryFilter_Manager_SeesOnlyOwnMunicipalitysPeople()
    {
        List<string> seen = [];
        await app.WithScopedDbAsync("someone@exempel.se", ["manager:1280"], async db => seen = await db.People.Select(p => p.Email).ToListAsync());
        Assert.Contains(Maja, seen);
        Assert.DoesNotContain(Ake, seen);
        Assert.DoesNotContain(Ojvind, seen);
        Assert.DoesNotContain(Hugo, seen);
    }

    [Fact]
    public async Task QueryFilter_AppliesToIncludesAndCounts()
    {
        var lund = await app.LibraryIdAsync("Lunds stadsbibliotek");
        int count = -1, included = -1;
        await app.WithScopedDbAsync("someone@exempel.se", ["manager:1280"], async db =>
        {
            count = await db.People.CountAsync(p => p.LibraryId == lund);
            included = (await db.Libraries.Include(l => l.People).SingleAsync(l => l.Id == lund)).People.Count;
        });
        Assert.Equal(0, count);
        Assert.Equal(0, included);
    }

    [Fact]
    public async Task QueryFilter_Staff_SeesOwnLibraryAndSelf()
    {
        var helsingborg = await app.LibraryIdAsync("Helsingborgs stadsbibliotek");
        List<string> seen = [];
        await app.WithScopedDbAsync(Ella, [$"staff:{helsingborg}"], async db => seen = await db.People.Select(p => p.Email).ToListAsync());
        Assert.Contains(Hugo, seen);   // own library
        Assert.Contains(Ella, seen);   // own record, elsewhere
        Assert.DoesNotContain(Maja, seen);
    }

    [Fact]
    public async Task QueryFilter_AnonymousRequest_SeesNobody_NationalSeesEveryone_OutsideRequestsUnfiltered()
    {
        int anonymous = -1, national = -1;
        await app.WithScopedDbAsync("x@exempel.se", [], async db => anonymous = await db.People.CountAsync());
        await app.WithScopedDbAsync(Nora, ["national:*"], async db => national = await db.People.CountAsync());
        var all = await app.WithDbAsync(db => db.People.CountAsync());
        Assert.Equal(0, anonymous);
        Assert.Equal(all, national);
        Assert.True(all >= 8);
    }

    [Fact]
    public async Task Guard_ChangingLibraryOutsideScope_ThrowsAndWritesNothing()
    {
        var vasteras = await app.LibraryIdAsync("Västerås stadsbibliotek");
        await app.WithScopedDbAsync(Maja, ["manager:1280"], async db =>
        {
            var library = await db.Libraries.SingleAsync(l => l.Id == vasteras);
            library.Name = "Kapat av en sida som glömde kontrollen";
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
            Assert.Throws<ScopeViolationException>(() => db.SaveChanges());
        });
        Assert.Equal("Västerås stadsbibliotek", (await app.LibraryAsync(vasteras)).Name);
    }

    [Fact]
    public async Task Guard_AddingOrMovingIntoOtherOrganisation_Throws()
    {
        var vasteras = await app.LibraryIdAsync("Västerås stadsbibliotek");
        await app.WithScopedDbAsync(Maja, ["manager:1280"], async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.Libraries.Add(new Library { Name = "Guard nytt bibliotek", MunicipalityCode = "1980", CreatedAt = now, UpdatedAt = now });
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            db.People.Add(new Person { Name = "Guard Person", Email = "guard.person@exempel.se", LibraryId = vasteras, CreatedAt = now, UpdatedAt = now });
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            var maja = await db.People.SingleAsync(p => p.Email == Maja);
            maja.LibraryId = vasteras;
            await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        });
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name == "Guard nytt bibliotek")));
        Assert.Equal(0, await app.WithDbAsync(db => db.People.CountAsync(p => p.Email == "guard.person@exempel.se")));
        Assert.Equal("Malmö stadsbibliotek", await app.WithDbAsync(db => db.People.Where(p => p.Email == Maja).Select(p => p.Library!.Name).SingleAsync()));
    }

    [Fact]
    public async Task Guard_NationalAndStaff_CannotWriteAnything()
    {
        var malmo = await app.LibraryIdAsync("Malmö stadsbibliotek");
        foreach (var scopes in new[] { new[] { "national:*" }, [$"staff:{malmo}"] })
            await app.WithScopedDbAsync(Nora, scopes, async db =>
            {
                var library = await db.Libraries.SingleAsync(l => l.Id == malmo);
                library.City = "Någon annanstans";
                await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
            });
        Assert.Equal("Malmö", (await app.LibraryAsync(malmo)).City);
    }

    [Fact]
    public async Task Guard_WriteWithinScope_IsSaved()
    {
        var email = $"guard.{Tag()}" + "@exempel.se";
        var malmo = await app.LibraryIdAsync("Malmö stadsbibliotek");
        await app.WithScopedDbAsync(Sara, ["regional:12"], async db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.People.Add(new Person { Name = "Guard Tillåten", Email = email, LibraryId = malmo, CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
        });
        Assert.Equal(1, await app.WithDbAsync(db => db.People.CountAsync(p => p.Email == email)));
    }
}
