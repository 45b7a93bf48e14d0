using Microsoft.EntityFrameworkCore;
using Samverka.Web.Infrastructure;

using Samverka.Web.Data;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Programmes;

namespace Samverka.Web.Features.Activities;

/// <summary>
/// Demo activities: the four 2019 competence-development occasions of seed 004 (Region Västmanland),
/// a few in Skåne's Digitalt först programme, and upcoming ones relative to today so the public calendar
/// is not empty (one of them full, with a waiting list). Seed 004 names only the year of its activities:
/// the dates below are invented and say so. All registrants are the fictional demo people.
/// </summary>
public static class ActivityDemoData
{
    private const string InventedDate = "Datumet är påhittat: Region Västmanlands verksamhetsberättelse 2019 anger bara året.";

    public static async Task LoadAsync(AppDbContext db, ILogger logger)
    {
        if (await db.Activities.AnyAsync()) return;
        var people = await db.People.AsNoTracking().IgnoreQueryFilters().ToDictionaryAsync(p => p.Email, p => p.Id);
        var libraries = await db.Libraries.AsNoTracking().ToDictionaryAsync(l => l.Name, l => l.Id);
        if (!people.ContainsKey("ella.prov@exempel.se") || !libraries.ContainsKey("Malmö stadsbibliotek")) return; // not the demo directory
        var programmeId = await db.Programmes.Where(p => p.Name == ProgrammeDemoData.Name).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        // Demo data is loaded at start-up, outside any request: the wall clock is the only clock there is.
        var now = DateTimeOffset.UtcNow;
        var today = SwedishTimeZone.Today(now);
        const string digital = "Folkbibliotekens digitala utveckling";

        Activity New(string title, ActivityKind kind, string county, int[] themes, int capacity, string? place, params (DateOnly Date, string Start, string End)[] sessions) => new()
        {
            Uid = Guid.NewGuid(), Title = title, Kind = kind, CountyCode = county, Capacity = capacity, Place = place, CreatedAt = now, UpdatedAt = now,
            Themes = themes.Select(t => new ActivityTheme { ThemeId = t }).ToList(),
            Sessions = sessions.Select(s => new ActivitySession { Date = s.Date, StartTime = TimeOnly.Parse(s.Start), EndTime = TimeOnly.Parse(s.End) }).ToList(),
        };

        // Seed 004, 5.1.2: "Fyra utbildningstillfällen har genomförts inom området digital kompetens och MIK under året".
        var mik1 = New("Halvdagsfördjupning i digital källkritik med Mikoteket (1)", ActivityKind.Workshop, "19", [3], 30, "Västerås",
            (new DateOnly(2019, 3, 20), "09:00", "12:00"));
        var mik2 = New("Halvdagsfördjupning i digital källkritik med Mikoteket (2)", ActivityKind.Workshop, "19", [3], 30, "Västerås",
            (new DateOnly(2019, 10, 23), "13:00", "16:00"));
        var boras = New("Heldag om informationssökningsprocessen", ActivityKind.Kompetensdag, "19", [3, 2], 40, "Västerås",
            (new DateOnly(2019, 5, 15), "09:00", "16:00"));
        var katrineholm = New("Heldag om digitalt först för barn och unga", ActivityKind.Kompetensdag, "19", [5, 6], 60, "Katrineholm",
            (new DateOnly(2019, 11, 7), "09:30", "16:00"));
        foreach (var a in new[] { mik1, mik2, boras, katrineholm })
        {
            a.DevelopmentArea = digital;
            a.TargetGroup = "Folkbibliotekspersonal i Västmanland";
            a.Description = "Ett av fyra utbildningstillfällen inom digital kompetens och MIK 2019 (Region Västmanlands verksamhetsberättelse). " + InventedDate;
        }
        mik1.CoOrganisers = [new() { PartnerName = "Mikoteket" }];
        mik2.CoOrganisers = [new() { PartnerName = "Mikoteket" }];
        boras.CoOrganisers = [new() { PartnerName = "Bibliotekshögskolan i Borås" }];
        katrineholm.CoOrganisers = [new() { CountyCode = "04" }, new() { CountyCode = "05" }];
        katrineholm.Description = "Tillsammans med de regionala biblioteksverksamheterna i Södermanland och Östergötland. " + InventedDate;

        // Skåne, within Digitalt först (2018-12-01 – 2020-12-31). Dates invented; seed 003 only links the region's calendar.
        var start = New("Startpaket: workshop om självskattningstestet", ActivityKind.Workshop, "12", [6, 2], 25, "Malmö stadsbibliotek",
            (new DateOnly(2019, 3, 28), "09:00", "12:00"));
        var digiteket = New("Folkpaket: Digiteket för bibliotekspersonal", ActivityKind.Kurs, "12", [6, 4], 25, "Lunds stadsbibliotek",
            (new DateOnly(2019, 10, 24), "13:00", "16:00"), (new DateOnly(2019, 10, 31), "13:00", "16:00"));
        foreach (var a in new[] { start, digiteket })
        {
            a.ProgrammeId = programmeId;
            a.Description = "Inom satsningen Digitalt först med användaren i fokus. Datumen är påhittade.";
        }

        // Upcoming, relative to today.
        var webinar = New("Bemötande i digitala frågor", ActivityKind.Webbinarium, "12", [1, 6], 100, null,
            (today.AddDays(14), "10:00", "11:30"));
        webinar.OnlineUrl = "https://exempel.se/webbinarium";
        webinar.Description = "Webbinarium om att möta låntagare med digitala frågor. Påhittad demoaktivitet.";
        var lund = New("Källkritik i vardagen – workshop för bibliotekspersonal", ActivityKind.Workshop, "12", [3, 1], 20, "Lunds stadsbibliotek, Sankt Petri kyrkogata 6",
            (today.AddDays(30), "09:00", "12:00"), (today.AddDays(37), "09:00", "12:00"));
        lund.OrganiserLibraryId = libraries.GetValueOrDefault("Lunds stadsbibliotek");
        lund.RegionFunded = true; // run by a library with the region's money: open to staff from every library (seeds 000, 001)
        lund.Description = "Lunds stadsbibliotek arrangerar med finansiering från Region Skåne; öppen för personal från alla bibliotek. Påhittad demoaktivitet.";
        var network = New("Nätverksträff teknik: 3D-skrivare och makerspace", ActivityKind.Natverkstraff, "12", [6], 3, "Malmö stadsbibliotek",
            (today.AddDays(21), "13:00", "15:30"));
        network.OrganiserLibraryId = libraries.GetValueOrDefault("Malmö stadsbibliotek");
        network.Description = "Liten nätverksträff med tre platser: fullbokad, med reservlista. Påhittad demoaktivitet.";
        var vastmanland = New("Data detox kit som arbetsmetod", ActivityKind.Workshop, "19", [4], 25, "Västerås stadsbibliotek",
            (today.AddDays(45), "09:00", "15:00"));
        vastmanland.DevelopmentArea = digital;
        vastmanland.Description = "Region Västmanlands verksamhetsberättelse 2019: 'Etablera Data detox kit som arbetsmetod inom integritet och säkerhet på folkbiblioteken.' Påhittad demoaktivitet.";

        var all = new[] { mik1, mik2, boras, katrineholm, start, digiteket, webinar, lund, network, vastmanland };
        db.Activities.AddRange(all);
        await db.SaveChangesAsync();
        // After the activities above, so their ids (used by tests and the page registry) stay the same.
        var workshops = await ItPedagogueWorkshopsAsync(db, now, New);

        var order = 0;
        void Register(Activity a, string email, RegistrationStatus status, bool attended = false)
        {
            if (!people.TryGetValue(email, out var personId)) return;
            var r = new ActivityRegistration
            {
                ActivityId = a.Id, PersonId = personId, Status = status, CreatedAt = now.AddMinutes(-100 + order++), RegisteredBy = email,
                CancelTokenHash = InvitationTokens.Hash(InvitationTokens.Create()),
            };
            if (attended) r.Attendance = a.Sessions.Select(s => new SessionAttendance { SessionId = s.Id, Attended = true, MarkedAt = now }).ToList();
            db.ActivityRegistrations.Add(r);
        }
        foreach (var a in new[] { mik1, boras, katrineholm })
        {
            Register(a, "ella.prov@exempel.se", RegistrationStatus.Confirmed, attended: true);
            Register(a, "ake.testberg@exempel.se", RegistrationStatus.Confirmed, attended: a != boras);
        }
        Register(mik2, "ella.prov@exempel.se", RegistrationStatus.Confirmed, attended: true);
        Register(start, "hugo.testsson@exempel.se", RegistrationStatus.Confirmed, attended: true);
        Register(start, "ojvind.latsas@exempel.se", RegistrationStatus.Confirmed, attended: true);
        Register(digiteket, "ojvind.latsas@exempel.se", RegistrationStatus.Confirmed, attended: true);
        Register(lund, "ojvind.latsas@exempel.se", RegistrationStatus.Confirmed);
        Register(network, "maja.exempel@exempel.se", RegistrationStatus.Confirmed);
        Register(network, "ojvind.latsas@exempel.se", RegistrationStatus.Confirmed);
        Register(network, "sara.exempelsson@exempel.se", RegistrationStatus.Confirmed);
        Register(network, "nora.nationell@exempel.se", RegistrationStatus.Waiting);
        Register(network, "viktor.pahittad@exempel.se", RegistrationStatus.Waiting);
        await db.SaveChangesAsync();
        logger.LogInformation("Demo activities loaded: {Activities}", all.Length + workshops);
    }

    /// <summary>
    /// Seed 004: in 2019 Region Västmanland's IT-pedagog (employed in the spring, left in September) held workshops
    /// "utifrån svaren på det självskattningstest som folkbibliotekspersonalen utförde under hösten 2018" in six of
    /// the ten municipalities. The seed names neither the municipalities nor the dates: the six below are the
    /// municipalities with answers in the demo round, each workshop organised by a library there (so the needs
    /// page's coverage reads "6 av 10"), themed after a DigComp area. Libraries missing from the demo directory
    /// are added here, since coverage counts a municipality through its organising library.
    /// </summary>
    private static async Task<int> ItPedagogueWorkshopsAsync(AppDbContext db, DateTimeOffset now,
        Func<string, ActivityKind, string, int[], int, string?, (DateOnly, string, string)[], Activity> create)
    {
        (string Library, string Municipality, string City, string Theme, int[] Themes, DateOnly Date)[] plan =
        [
            ("Västerås stadsbibliotek", "1980", "Västerås", "söka och värdera information", [3], new(2019, 4, 10)),
            ("Köpings bibliotek", "1983", "Köping", "integritet och säkerhet", [4], new(2019, 4, 24)),
            ("Sala stadsbibliotek", "1981", "Sala", "kommunikation och samarbete digitalt", [1, 2], new(2019, 5, 8)),
            ("Fagersta stadsbibliotek", "1982", "Fagersta", "skapa digitalt innehåll", [2, 6], new(2019, 5, 22)),
            ("Arboga bibliotek", "1984", "Arboga", "integritet och säkerhet", [4], new(2019, 8, 21)),
            ("Surahammars bibliotek", "1907", "Surahammar", "problemlösning med digital teknik", [6, 7], new(2019, 9, 4)),
        ];
        var libraries = await db.Libraries.Where(l => l.Municipality!.CountyCode == "19").ToDictionaryAsync(l => l.Name);
        foreach (var p in plan.Where(p => !libraries.ContainsKey(p.Library)))
        {
            var library = new Library
            {
                Name = p.Library, Kind = LibraryKind.Folkbibliotek, MunicipalityCode = p.Municipality, City = p.City, CreatedAt = now, UpdatedAt = now,
            };
            libraries[p.Library] = library;
            db.Libraries.Add(library);
        }
        await db.SaveChangesAsync();
        var workshops = plan.Select(p =>
        {
            var a = create($"Workshop om {p.Theme} utifrån självskattningstestet, {p.City}", ActivityKind.Workshop, "19", p.Themes, 20,
                p.Library, [(p.Date, "13:00", "16:00")]);
            a.OrganiserLibraryId = libraries[p.Library].Id;
            a.DevelopmentArea = "Folkbibliotekens digitala utveckling";
            a.TargetGroup = "Folkbibliotekspersonal i kommunen";
            a.Description = "Regionens IT-pedagog håller workshop utifrån svaren på självskattningstestet hösten 2018 (enligt Region Västmanlands verksamhetsberättelse 2019: "
                + $"workshops i sex av tio kommuner 2019). Verksamhetsberättelsen namnger inte kommunerna: {p.City} är vald för demon. Datumet är påhittat.";
            return a;
        }).ToList();
        db.Activities.AddRange(workshops);
        await db.SaveChangesAsync();
        return workshops.Count;
    }
}
