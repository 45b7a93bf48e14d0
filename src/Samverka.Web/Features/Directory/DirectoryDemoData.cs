using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

using Samverka.Web.Features.Accounts;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Programmes;

namespace Samverka.Web.Features.Directory;

/// <summary>
/// A small living system for a new installation: the regional library units of Skåne and
/// Västmanland, the libraries named in the seed documents, and clearly fictional people (all at
/// the reserved exempel.se domain) in every role. Loaded only into an empty directory.
/// </summary>
public static class DemoData
{
    /// <param name="Sigel">Clearly fictional (EX-…), as in the KB sample files (Kb/Samples).</param>
    private record DemoLibrary(string Name, LibraryKind Kind, string Municipality, string? Street = null, string? PostalCode = null, string? City = null, string? Web = null, string? Sigel = null);
    private record DemoPerson(string Name, string Email, string Library, string Title, string? Role);

    private static readonly DemoLibrary[] Libraries =
    [
        new("Region Skåne, regional biblioteksverksamhet", LibraryKind.Regionbibliotek, "1290", City: "Kristianstad", Web: "https://www.skane.se"),
        new("Region Västmanland, regional biblioteksverksamhet", LibraryKind.Regionbibliotek, "1980", City: "Västerås", Web: "https://www.regionvastmanland.se"),
        new("Malmö stadsbibliotek", LibraryKind.Folkbibliotek, "1280", "Kung Oscars väg 11", "211 46", "Malmö", "https://malmo.se/stadsbibliotek", Sigel: "EX-MALMO"),
        new("Helsingborgs stadsbibliotek", LibraryKind.Folkbibliotek, "1283", City: "Helsingborg", Web: "https://helsingborg.se", Sigel: "EX-HBG"),
        new("Kristianstads stadsbibliotek", LibraryKind.Folkbibliotek, "1290", City: "Kristianstad", Sigel: "EX-KRSTD"),
        new("Lunds stadsbibliotek", LibraryKind.Folkbibliotek, "1281", "Sankt Petri kyrkogata 6", "222 21", "Lund", Sigel: "EX-LUND"),
        new("Hjärups bibliotek", LibraryKind.Filial, "1230", City: "Hjärup", Sigel: "EX-HJARUP"),
        new("Kävlinge bibliotek", LibraryKind.Folkbibliotek, "1261", City: "Kävlinge"),
        new("Västerås stadsbibliotek", LibraryKind.Folkbibliotek, "1980", City: "Västerås", Sigel: "EX-VAS"),
        new("Köpings bibliotek", LibraryKind.Folkbibliotek, "1983", City: "Köping", Sigel: "EX-KOPING"),
    ];

    private static readonly DemoPerson[] People =
    [
        new("Sara Exempelsson", "sara.exempelsson@exempel.se", "Region Skåne, regional biblioteksverksamhet", "Regional samordnare (fiktiv)", Roles.RegionalCoordinator),
        new("Viktor Påhittad", "viktor.pahittad@exempel.se", "Region Västmanland, regional biblioteksverksamhet", "Regional samordnare (fiktiv)", Roles.RegionalCoordinator),
        new("Maja Exempel", "maja.exempel@exempel.se", "Malmö stadsbibliotek", "Bibliotekschef (fiktiv)", Roles.LibraryManager),
        new("Åke Testberg", "ake.testberg@exempel.se", "Västerås stadsbibliotek", "Bibliotekschef (fiktiv)", Roles.LibraryManager),
        new("Hugo Testsson", "hugo.testsson@exempel.se", "Helsingborgs stadsbibliotek", "Bibliotekarie (fiktiv)", Roles.LibraryStaff),
        new("Ella Prov", "ella.prov@exempel.se", "Köpings bibliotek", "Biblioteksassistent (fiktiv)", Roles.LibraryStaff),
        new("Öjvind Låtsas", "ojvind.latsas@exempel.se", "Lunds stadsbibliotek", "Bibliotekarie (fiktiv)", null),
        new("Nora Nationell", "nora.nationell@exempel.se", "Region Skåne, regional biblioteksverksamhet", "Nationell samordnare (fiktiv)", Roles.NationalCoordinator),
    ];

    public static async Task LoadAsync(AppDbContext db, UserManager<AppUser> users, string? password, ILogger logger)
    {
        if (await db.Libraries.AnyAsync())
        {
            // An installation that got its demo libraries before the programme scenario existed gets it now.
            await ProgrammeDemoData.LoadAsync(db, logger);
            return;
        }
        var now = DateTimeOffset.UtcNow;
        var libraries = Libraries.Select(l => new Library
        {
            Name = l.Name, Kind = l.Kind, MunicipalityCode = l.Municipality, StreetAddress = l.Street,
            PostalCode = l.PostalCode, City = l.City, Website = l.Web, Sigel = l.Sigel, CreatedAt = now, UpdatedAt = now,
        }).ToDictionary(l => l.Name);
        db.Libraries.AddRange(libraries.Values);
        await db.SaveChangesAsync();
        // Staff figures from the sample of KB's library statistics, through the real import.
        var statistics = await Kb.KbStatistics.PlanAsync(db, Kb.KbSamples.Read(Kb.KbSamples.Statistics), UserScope.System);
        await Kb.KbStatistics.ApplyAsync(db, statistics);

        foreach (var p in People)
        {
            var library = libraries[p.Library];
            db.People.Add(new Person { Name = p.Name, Email = p.Email, LibraryId = library.Id, RoleTitle = p.Title, CreatedAt = now, UpdatedAt = now });
            if (p.Role is null || string.IsNullOrEmpty(password)) continue;
            var user = new AppUser { UserName = p.Email, Email = p.Email, EmailConfirmed = true, DisplayName = p.Name, LockoutEnabled = true };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                logger.LogWarning("Demo account {Email} not created: {Errors}", p.Email, string.Join(" ", result.Errors.Select(e => e.Description)));
                continue;
            }
            var municipality = await db.Municipalities.FindAsync(library.MunicipalityCode);
            db.RoleAssignments.Add(new RoleAssignment
            {
                UserId = user.Id,
                Role = p.Role,
                CountyCode = p.Role == Roles.RegionalCoordinator ? municipality!.CountyCode : null,
                MunicipalityCode = p.Role == Roles.LibraryManager ? library.MunicipalityCode : null,
                LibraryId = p.Role == Roles.LibraryStaff ? library.Id : null,
            });
        }
        await db.SaveChangesAsync();
        logger.LogInformation("Demo data loaded: {Libraries} libraries, {People} people", libraries.Count, People.Length);
        await ProgrammeDemoData.LoadAsync(db, logger);
    }
}
