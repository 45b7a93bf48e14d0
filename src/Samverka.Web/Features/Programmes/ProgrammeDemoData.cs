using Microsoft.EntityFrameworkCore;

using Samverka.Web.Data;

namespace Samverka.Web.Features.Programmes;

/// <summary>
/// The seed scenario "Digitalt först med användaren i fokus i Skåne" as demo data: only what seeds 000
/// and 003 state. Where the sources are silent (funding for Skåne, which partner has which theme, the
/// year of the three stated enrolments, every other enrolment) nothing is invented and DataNote says so.
/// Loaded once: skipped when a programme of that name exists.
/// </summary>
public static class ProgrammeDemoData
{
    public const string Name = "Digitalt först med användaren i fokus i Skåne";
    public const string DigiteketMember = "Digiteket (nationell representant)";

    // Seed 003, "Referensgruppen 2018/2019/2020 bestod/består av representanter från biblioteken i: …", verbatim.
    public static readonly IReadOnlyDictionary<int, string[]> ReferenceGroups = new Dictionary<int, string[]>
    {
        [2018] = ["Bjuv", "Eslöv", "Helsingborg", "Hörby", "Kristianstad", "Lund", "Malmö", "Perstorp", "Svedala", "Trelleborg", "Ystad"],
        [2019] = ["Bromölla", "Helsingborg", "Höganäs", "Höör", "Kristianstad", "Landskrona", "Lomma", "Lund", "Malmö", "Osby",
                  "Perstorp", "Sjöbo", "Tomelilla", "Vellinge"],
        [2020] = ["Burlöv", "Båstad", "Helsingborg", "Hässleholm", "Klippan", "Kristianstad", "Kävlinge", "Lund", "Malmö", "Perstorp",
                  "Simrishamn", "Skurup", "Svalöv", "Åstorp", "Ängelholm", "Örkelljunga", "Östra Göinge"],
    };

    /// <summary>The partner libraries (seed 003: "samarbetsavtal med … Helsingborg, Kristianstad, Lund och Malmö"), as named in DemoData.</summary>
    public static readonly string[] PartnerLibraries =
        ["Helsingborgs stadsbibliotek", "Kristianstads stadsbibliotek", "Lunds stadsbibliotek", "Malmö stadsbibliotek"];

    /// <summary>Seed 003 lists the agreements' themes without saying which library has which.</summary>
    public const string PartnerThemes = "pedagogik, handledning och bemötande; käll- och sökkritik samt källtillit; "
        + "kompetensutvecklingsbehov utifrån självskattningstestet; barn och unga";

    /// <summary>Seed 003: "Sjöbo, Klippan och Bjuv är de tre kommuner som har tagit del av alla fyra erbjudanden."</summary>
    public static readonly string[] EnrolledInAll = ["Sjöbo", "Klippan", "Bjuv"];
    public const int EnrolmentYear = 2020;
    public const string EnrolmentNote = "Året anges inte i källan; sammanställningen är från april 2020";

    public const string DataNote =
        "Anmälningar: källan (Region Skånes webbsida om Digitalt först) anger bara att Sjöbo, Klippan och Bjuv har tagit del av alla tre paketen. "
        + "Året anges inte; de är registrerade för 2020 eftersom sammanställningen är från april 2020. "
        + "Andra kommuners anmälningar finns inte i källorna och är därför inte registrerade. "
        + "Finansiering: källorna anger inget belopp för Skåne (KB:s 440 000 kr i Region Västmanlands verksamhetsberättelse 2019 gäller Västmanland), så ingen finansiering är registrerad. "
        + "Samarbetsbibliotekens teman: källan räknar upp fyra teman men inte vilket bibliotek som har vilket, "
        + "så alla fyra står vid varje samarbetsbibliotek.";

    public static async Task LoadAsync(AppDbContext db, ILogger logger)
    {
        if (await db.Programmes.AnyAsync(p => p.Name == Name)) return;
        var skane = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == "12").ToDictionaryAsync(m => m.Name, m => m.Code);
        if (skane.Count == 0) return; // no reference data: nothing to attach the scenario to
        var partners = await db.Libraries.AsNoTracking().Where(l => PartnerLibraries.Contains(l.Name))
            .ToDictionaryAsync(l => l.MunicipalityCode, l => l.Id);
        var now = DateTimeOffset.UtcNow;

        var programme = new Programme
        {
            Name = Name,
            Description = "Treårig statlig satsning på digitalt kompetenslyft för folkbibliotekarier.",
            // Seed 000: "projektperioden för Digitalt först med användaren i fokus, 2018-12-01 – 2020-12-31".
            StartDate = new DateOnly(2018, 12, 1),
            EndDate = new DateOnly(2020, 12, 31),
            EffectGoals = string.Join('\n',
                "Att biblioteken ska fortsätta att utveckla sitt förhållningssätt till digital transformation, vilket innebär löpande anpassning av verksamheten och därmed kompetensbehov som ska tillgodoses.",
                "Att det digitala perspektivet ska genomsyra alla delar av bibliotekets verksamheter samt finnas beskrivet och förankrat i aktuell biblioteksplan. (Bibliotekslag 2013:801)",
                "Att biblioteken ska ligga i framkant när det gäller digitala frågor.",
                "Att bibliotekspersonalen ska känna sig tryggare i att hantera digitala frågor. Kompetensutveckling är ett medel för det och en pågående process. Biblioteken ska ge utrymme för kunskapsdelning och utbildning som en del i en lärande organisation."),
            GoalAllMunicipalitiesReached = true,
            DataNote = DataNote,
            CreatedAt = now,
            UpdatedAt = now,
            Regions = [new ProgrammeRegion { CountyCode = "12" }],
            Partners = partners.Values.Order().Select(id => new ProgrammePartner { LibraryId = id, Themes = PartnerThemes }).ToList(),
        };
        var start = new Offering { Name = "Startpaket", SortOrder = 1, Description = "Öppet för alla kommuner att delta." };
        var folk = new Offering { Name = "Folkpaket", SortOrder = 2, Description = "Öppet för alla kommuner att delta." };
        var leader = new Offering
        {
            Name = "Ledarpaket", SortOrder = 3, MaxPopulation = 25_000, PopulationYear = 2019,
            Description = "I första omgången av Ledarpaket vänder sig Region Skåne till de mindre kommunerna i Skåne, som har max 25 000 invånare (med undantag av Kävlinge).",
            Exceptions = [new EligibilityException
            {
                MunicipalityCode = skane["Kävlinge"],
                Reason = "Antagen som undantag enligt Region Skånes beslut (Region Skånes webbsida om Digitalt först: 'med undantag av Kävlinge')",
            }],
        };
        programme.Offerings = [start, folk, leader];
        foreach (var offering in programme.Offerings)
            foreach (var name in EnrolledInAll)
                offering.Enrolments.Add(new Enrolment { MunicipalityCode = skane[name], Year = EnrolmentYear, Note = EnrolmentNote, CreatedAt = now });

        foreach (var (year, names) in ReferenceGroups)
        {
            var group = new ReferenceGroup { Year = year };
            foreach (var name in names)
            {
                var code = skane[name];
                // The partner libraries are the members for their municipalities ("har representanter med under alla tre år");
                // for the others the seed names only the municipality.
                group.Members.Add(new ReferenceGroupMember { MunicipalityCode = code, LibraryId = partners.TryGetValue(code, out var id) ? id : null });
            }
            // "Nytt för denna referensgrupp [2019] är att vi har en representant med nationellt perspektiv"; 2020: "samt en nationell representant från Digiteket".
            if (year >= 2019) group.Members.Add(new ReferenceGroupMember { ExternalName = DigiteketMember });
            programme.ReferenceGroups.Add(group);
        }
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        logger.LogInformation("Demo programme loaded: {Name}", Name);
    }
}
