using Microsoft.EntityFrameworkCore;

using Samverka.Web.Data;
using Samverka.Web.Features.Programmes;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// Region Skåne's four agreements (seed 003: Helsingborg, Kristianstad, Lund, Malmö). Malmö (seed 000) and
/// Helsingborg (seed 001) are reproduced as the documents stand: texts, periods, registry number (only seed
/// 001 has one), place, date and signatories. The seeds name no contact persons and no follow-ups held, so
/// the contacts are the fictional demo accounts and no follow-up is recorded. Kristianstad and Lund are
/// drafts carrying the themes seed 003 lists; which library has which theme the seed does not say, and the
/// drafts say so. Loaded once: skipped when any agreement exists.
/// </summary>
public static class AgreementDemoData
{
    public const string Region = "Region Skånes kulturförvaltning";
    public const string MalmoTitle = "Överenskommelse om samarbete mellan Region Skånes kulturförvaltning och Biblioteken i Malmö";
    public const string HelsingborgTitle = "Överenskommelse om samarbete mellan Region Skånes kulturförvaltning och Helsingborgs stadsbibliotek";
    public const string HelsingborgRegistryNumber = "2019-000153";

    private const string Purpose = "Denna överenskommelse om samarbete har som syfte att synliggöra relationerna mellan parterna samt tydliggöra gemensamt identifierade samverkansområden. Överenskommelsen gäller under projektperioden för Digitalt först med användaren i fokus, ";

    private const string RegionBackground =
        "Region Skånes biblioteksverksamhet styrs av Regional kulturplan för Skåne 2016-2019 och Regional biblioteksplan 2017-2020 Region Skåne. Ett mål för den regionala biblioteksverksamheten är att bidra till fler kunskapsdelande och kompetensutvecklande aktiviteter mellan folkbiblioteken.\n\n"
        + "Digitalisering är ett av de fyra utvecklingsområden som lyfts fram i Regional biblioteksplan 2017-2020 Region Skåne. Teman för insatser inom området är Rätt kompetens i en digital samtid och Samarbeten och metoder för att inkludera fler i det digitala samhället.\n\n"
        + "I biblioteksplanen nämns den nationella satsningen Digitalt först med användaren i fokus, som syftar till bred kompetenshöjning hos bibliotekspersonal. De regionala biblioteksverksamheterna har i uppdrag att genomföra och samordna utbildningsinsatser. Satsningen ska ge folkbiblioteken förutsättningar och möjligheter att nå ut till hela befolkningen.\n\n"
        + "Kulturförvaltningen använder sig av olika verktyg för att uppfylla sina mål för den regionala biblioteksverksamheten. Bland metoderna nämns kompetensutvecklingsinsatser för folkbibliotekspersonal, till exempel seminarier, kurser eller andra utbildningstillfällen. Kompetensutvecklingsinsatserna kan genomföras i regional regi eller genom att något folkbibliotek får finansiering för att genomföra insatser, under förutsättning att personal från andra bibliotek också bjuds in.";

    private const string MalmoBackground =
        "Biblioteken i Malmö styrs av Kulturförvaltningens nämndsmål där samarbeten och kunskapsallianser är en viktig form för verksamhetsutveckling.\n\n"
        + "I biblioteksplanen (Biblioteksplan 2016 - 2020 Malmö folk- och skolbibliotek) betonas vikten av omvärldsbevakning och kompetensutveckling.\n\n"
        + "Digitala biblioteket som är en sektion på Stadsbiblioteket har i uppdrag att både omvärldsbevaka samhällets digitala utveckling men också att omvandla den traditionella analoga biblioteksverksamheten för att möta medborgarnas förväntningar på en modern och digital biblioteksverksamhet.\n\n"
        + "Digitala biblioteket har också ett nationellt uppdrag via Kungliga Biblioteket att drifva och utveckla de nationella bibliotekstjänsterna Bibblan svarar och Bibblan guidar.\n\n"
        + "Bibblan svarar bemannas av bibliotekarier från hela landet och antalet frågor till tjänsten ökar konstant. Den som arbetar i Bibblan svarar behöver ha en hög kunskap inom ämnen som Sök- och källkritik och att formulera sig tillgängligt i olika digitala gränssnitt.\n\n"
        + "Inom den nationella satsningen Digitalt först med användaren i fokus har digitala biblioteket i Malmö fått i uppdrag att producera en lärplattform som riktar sig till medarbetare och beslutsfattare inom landets folkbibliotek.";

    private const string HelsingborgBackground =
        "Helsingborgs biblioteks uppdrag är att ge alla fri tillgång till information och kunskap, skapa inspirerande mötesplatser, arbeta läsfrämjande och minska den digitala klyftan för att verka för fri åsiktsbildning och utveckling i det demokratiska samhället.\n\n"
        + "Ur biblioteksplanen:\n\nArbeta med den digitala klyftan\n\nHelsingborg vill\n\n"
        + "- att medie- och informationskompetensen ska öka bland helsingborgarna.\n"
        + "- att den digitala klyftan i Helsingborg ska minska.\n"
        + "- att tillgången till den digitala arenan ska öka med hjälp av användbar och tillgänglig teknik.\n\n"
        + "Hur når vi dit?\n\nHelsingborgs bibliotek\n\n"
        + "- har utbildningsinsatser som riktar sig till helsingborgare som önskar bli bättre på sökmetodik, källkritik och informationsanvändande.\n"
        + "- utvecklar det digitala biblioteket där kunskap, kultur och läsinspiration är i fokus.\n"
        + "- handleder i användandet av teknik för att underlätta för helsingborgarna att ta del av digitala samhällstjänster, information, e-böcker, appar med mera.\n"
        + "- tillhandahåller i biblioteksverksamheten teknisk utrustning för att kunna vara delaktig i den digitala sfären, med särskilt fokus på prioriterade målgrupper så som personer med funktionsnedsättning.\n"
        + "- stärker personalens kompetens och medvetenhet om digitala medier för att ta tillvara digitaliseringens möjligheter.\n\n"
        + "Hur har vi stärkt den digitala kompetensen:\n\n"
        + "Under 2015 gjordes en omorganisation inom Helsingborgs bibliotek för att skapa förutsättningar att arbeta mer aktivt och målmedvetet med digital inkludering. Detta genom avdelningarna Sök och Digitala biblioteket som båda arbetar med digital inkludering och kompetensinsatser inom området och mot våra prioriterade målgrupper.\n\n"
        + "Under 2017 anordnade Helsingborgs bibliotek tillsammans med Region Skåne 3 föreläsningar med MIK-tema.\n\n"
        + "I mars 2018 öppnade Digidel på stadsbiblioteket i Helsingborg, detta för att ännu tydligare visa och skapa en bättre plattform för vårt digitala arbete.\n\n"
        + "Under 2019 kommer också Helsingborgs bibliotek att arbeta med personalens digitala kompetens via ansökan från Omställningsfonden, samtliga medarbetare har också gjort självskattningstestet kring digitala kompetenser.";

    private const string AreasIntro = "Specifika samarbeten bedrivs i projektform och ska kompletteras av särskilda avtal där insatsernas mål, syften, finansiering och genomföranden tydligt formuleras.\n\nFöljande samverkansområden bedöms som möjliga:";
    private const string FollowUpText = "Respektive part utser en kontaktperson för samarbetet. Avstämning sker halvårsvis.";

    public const string DraftNote = "Utkast i demodata. Källan (Region Skånes webbsida om Digitalt först) anger att Region Skånes avtal med Helsingborg, Kristianstad, Lund och Malmö har teman "
        + "utifrån identifierade behov, men inte vilket bibliotek som har vilket tema. Helsingborgs teman (bemötande, pedagogik och handledning) står i "
        + "samverkansavtalet med Helsingborgs stadsbibliotek (dnr 2019-000153); de övriga tre temana står därför som förslag i både Kristianstads och Lunds utkast.";

    public static async Task LoadAsync(AppDbContext db, ILogger logger)
    {
        if (await db.Agreements.AnyAsync()) return;
        var libraries = await db.Libraries.AsNoTracking().Where(l => l.Municipality!.CountyCode == "12")
            .ToDictionaryAsync(l => l.Name, l => l.Id);
        string[] needed = ["Malmö stadsbibliotek", "Helsingborgs stadsbibliotek", "Kristianstads stadsbibliotek", "Lunds stadsbibliotek"];
        if (needed.Any(n => !libraries.ContainsKey(n))) return; // not the demo directory: nothing to attach them to
        var programmeId = await db.Programmes.Where(p => p.Name == ProgrammeDemoData.Name).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        var now = DateTimeOffset.UtcNow;

        Agreement Make(string title, string? registry, DateOnly from, string background) => new()
        {
            Title = title, RegistryNumber = registry, CountyCode = "12", ProgrammeId = programmeId,
            ValidFrom = from, ValidTo = new DateOnly(2020, 12, 31), FollowUpIntervalMonths = 6,
            Purpose = Purpose + $"{from:yyyy-MM-dd} – 2020-12-31.",
            Background = RegionBackground + "\n\n" + background,
            AreasIntro = AreasIntro, FollowUpText = FollowUpText, CreatedAt = now, UpdatedAt = now,
        };
        AgreementParty RegionParty(bool signed) => new()
        {
            SortOrder = 0, Name = Region, ContactName = "Sara Exempelsson (fiktiv)", ContactEmail = "sara.exempelsson@exempel.se",
            SignatoryName = signed ? "Maria Tsakiris" : null, SignedFor = signed ? "För Region Skånes kulturförvaltning" : null,
        };
        List<SteeringDocument> Regional() =>
        [
            new() { SortOrder = 0, Title = "Regional kulturplan för Skåne 2016-2019", FromYear = 2016, ToYear = 2019 },
            new() { SortOrder = 1, Title = "Regional biblioteksplan 2017-2020 Region Skåne", FromYear = 2017, ToYear = 2020 },
        ];
        CooperationArea Area(int order, string text, string? needs = null, params int[] themes) => new()
        {
            SortOrder = order, Text = text, Needs = needs,
            Themes = themes.Select(t => new CooperationAreaTheme { ThemeId = t }).ToList(),
        };

        // Seed 000.
        var malmo = Make(MalmoTitle, null, new DateOnly(2018, 12, 1), MalmoBackground);
        malmo.SignedPlace = "Malmö";
        malmo.SignedOn = new DateOnly(2018, 12, 6);
        malmo.Parties = [RegionParty(true), new()
        {
            SortOrder = 1, Name = "Biblioteken i Malmö", LibraryId = libraries["Malmö stadsbibliotek"],
            ContactName = "Maja Exempel (fiktiv)", ContactEmail = "maja.exempel@exempel.se",
            SignatoryName = "Torbjörn Nilsson", SignedFor = "För Malmö stadsbibliotek",
        }];
        malmo.SteeringDocuments = [.. Regional(),
            new() { SortOrder = 2, Title = "Kulturförvaltningens nämndsmål" },
            new() { SortOrder = 3, Title = "Biblioteksplan 2016 - 2020 Malmö folk- och skolbibliotek", FromYear = 2016, ToYear = 2020 }];
        malmo.Areas =
        [
            Area(0, "Malmö stadsbibliotek deltar aktivt i regional arbetsgrupp för \"Digitalt först\" med Region Skåne som sammankallande."),
            Area(1, "Genomförande av kompetensutvecklingsinsatser, inom det digitala området, för bibliotekspersonal i Skåne.",
                "Behov identifieras inom ramen för den nationella och digitala tjänsten Bibblan svarar.\n"
                + "Behov identifieras inom ramen för det nationella uppdraget som Malmö stadsbibliotek har fått att utforma en lärplattform för folkbibliotekens digitala kompetensutveckling."),
            Area(2, "Sprida information till alla kommuner i Skåne och nationellt och därmed också medverka till att rekrytera fler medarbetare till Bibblan svarar."),
        ];

        // Seed 001 (signed in Malmö, as the document says).
        var helsingborg = Make(HelsingborgTitle, HelsingborgRegistryNumber, new DateOnly(2018, 12, 5), HelsingborgBackground);
        helsingborg.SignedPlace = "Malmö";
        helsingborg.SignedOn = new DateOnly(2018, 12, 5);
        helsingborg.Parties = [RegionParty(true), new()
        {
            SortOrder = 1, Name = "Helsingborgs stadsbibliotek", LibraryId = libraries["Helsingborgs stadsbibliotek"],
            ContactName = "Hugo Testsson (fiktiv)", ContactEmail = "hugo.testsson@exempel.se",
            SignatoryName = "Catharina Isberg", SignedFor = "För Helsingborgs stadsbibliotek",
        }];
        helsingborg.SteeringDocuments = [.. Regional(), new() { SortOrder = 2, Title = "Biblioteksplanen, Helsingborg" }];
        helsingborg.Areas =
        [
            Area(0, "Helsingborgs stadsbibliotek deltar aktivt i regional arbetsgrupp för \"Digitalt först\" med Region Skåne som sammankallande."),
            Area(1, "Genomförande av kompetensutvecklingsinsatser för bibliotekspersonal i Skåne. Behov identifieras inom ämnesområdena:",
                "Bemötande. Olika frågor om hur man bemöter sina besökare så att hen upplever god service. Exempelvis: Hur bemöter vi olika för att ge samma förutsättningar? Hur ökar vi förståelsen för och förbättrar bemötandet av olika kulturer och olika synsätt? Hur inkluderar och välkomnar vi våra olika användare?\n"
                + "Pedagogik och handledning. Frågor om att anpassa sin pedagogik efter användaren. Hur bemöter vi olika lär-stilar? Hur kan vi ställa givande referensfrågor till våra användare så att vi tillsammans kan skapa bra service-möten? Hur möjliggör vi för våra användare att lättare förstå hur våra olika tjänster fungerar (hjälp till självhjälp)?",
                1, 2),
            Area(2, "Sprida information om insatserna till andra kommuner i Skåne."),
        ];

        Agreement Draft(string library)
        {
            var a = Make($"Överenskommelse om samarbete mellan Region Skånes kulturförvaltning och {library}", null, new DateOnly(2018, 12, 1), DraftNote);
            a.Parties = [RegionParty(false), new() { SortOrder = 1, Name = library, LibraryId = libraries[library] }];
            a.SteeringDocuments = Regional();
            a.Areas =
            [
                Area(0, $"{library} deltar aktivt i regional arbetsgrupp för \"Digitalt först\" med Region Skåne som sammankallande."),
                Area(1, "Genomförande av kompetensutvecklingsinsatser för bibliotekspersonal i Skåne. Behov identifieras inom ämnesområdena:",
                    "Käll- och sökkritik samt källtillit.\nKompetensutvecklingsbehov utifrån självskattningstestet.\nBarn och unga.", 3, 5),
            ];
            return a;
        }

        var all = new[] { malmo, helsingborg, Draft("Kristianstads stadsbibliotek"), Draft("Lunds stadsbibliotek") };
        foreach (var a in all) AgreementRules.Reschedule(a);
        db.Agreements.AddRange(all);
        await db.SaveChangesAsync();
        logger.LogInformation("Demo agreements loaded: {Count}", all.Length);
    }
}
