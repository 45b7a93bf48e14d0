using Microsoft.EntityFrameworkCore;

using Samverka.Web.Data;
using Samverka.Web.Features.Programmes;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// Region Västmanland's activity plan and outcomes for 2019, reproduced from seed 004 (OCR'd Swedish restored).
/// Where the seed gives a number Samverka can compute, the outcome text holds a figure placeholder instead.
/// The seed gives no months for the actions: they are planned for the whole year unless the seed says more.
/// The KB grant is carried by a programme funding row (the seed gives the total, not a split by year).
/// Loaded once: skipped when Västmanland already has a plan.
/// </summary>
public static class ActivityPlanDemoData
{
    public const string CountyCode = "19";
    public const string Title = "Regional biblioteksverksamhet 2019";
    public const string ProgrammeName = "Digitalt först med användaren i fokus i Västmanland";

    /// <summary>The beginnings of the titles of the four 2019 training days in <see cref="ActivityDemoData"/>.</summary>
    private static readonly string[] TrainingDayTitles =
        ["Halvdagsfördjupning i digital källkritik med Mikoteket", "Heldag om informationssökningsprocessen", "Heldag om digitalt först för barn och unga"];

    public static async Task LoadAsync(AppDbContext db, ILogger logger)
    {
        if (!await db.Municipalities.AnyAsync(m => m.CountyCode == CountyCode) || await db.ActivityPlans.AnyAsync(p => p.CountyCode == CountyCode)) return;
        var now = DateTimeOffset.UtcNow;
        var programme = await db.Programmes.FirstOrDefaultAsync(p => p.Name == ProgrammeName) ?? new Programme
        {
            Name = ProgrammeName,
            Description = "Den nationella satsningen Digitalt först – med användaren i fokus, i Region Västmanland.",
            StartDate = new(2018, 12, 1), EndDate = new(2020, 12, 31), CreatedAt = now, UpdatedAt = now,
            DataNote = "Finansiering: Region Västmanlands verksamhetsberättelse 2019 anger att regionen inom satsningen mottagit stöd från Kungliga biblioteket om sammanlagt "
                + "440 000 kr, utan fördelning per år; beloppet är registrerat på 2019, verksamhetsberättelsens år.",
            Regions = [new ProgrammeRegion { CountyCode = CountyCode }],
            Funding = [new ProgrammeFunding { Funder = "Kungliga biblioteket", Year = 2019, AmountSek = 440_000 }],
        };
        if (programme.Id == 0) db.Programmes.Add(programme);

        static DateOnly M(int month) => new(2019, month, 1);
        var plan = new ActivityPlan
        {
            CountyCode = CountyCode, Title = Title, StartDate = new(2019, 1, 1), EndDate = new(2019, 12, 31), CreatedAt = now, UpdatedAt = now,
            Vision = "Livskraft för framtiden. ”Vi växer hållbart och sätter hälsan främst. Vi skapar möjligheter och modiga lösningar. "
                + "Vi ger förutsättningar för utveckling i en levande demokrati. Tillsammans bryter vi ny mark och förflyttar gränser. "
                + "I det vardagliga och i det övergripande. I det som är nära och det som är långsiktigt. Vi är mitt i livet och samhället, "
                + "och gör skillnad varje dag. Vi är livskraft för framtiden. Vi är Västmanland.”",
            ValuesText = "”Region Västmanland ska alltid utgå från att alla människor är lika värda och ska bemötas med respekt. Alla människor "
                + "ska ges förutsättningar för god livskvalitet. En viktig faktor för livskvalitet är samverkan mellan alla involverade parter. "
                + "Regionen ska hushålla med de gemensamma resurserna och fördela dessa efter behov.”",
            Premises = "Region Västmanland ska skapa förutsättningar för att invånarna i hela länet ska ges tillgång till ett rikt och varierat "
                + "kulturutbud som präglas av mångfald, kvalitet och delaktighet.\n\nSamverkan är grundläggande för att kulturlivet ska "
                + "utvecklas i länet, detta sker mellan regionen, kommunerna, civilsamhället och kulturskapare.\n\nSedan 2012 har Västmanlands "
                + "regionala kulturplan varit utgångspunkten för det kulturpolitiska arbetet i Västmanland.\n\n"
                + "## Nationella kulturpolitiska utgångspunkter\n\n"
                + "Enligt riksdagsbeslut är inriktningen av kulturpolitiken (prop. 2009/10:3, Tid för kultur): ”Kulturen ska vara en dynamisk, "
                + "utmanande och obunden kraft med yttrandefriheten som grund. Alla ska ha möjlighet att delta i kulturlivet. Kreativitet, "
                + "mångfald och konstnärlig kvalitet ska prägla samhällets utveckling.\n\nFör att uppnå målen ska kulturpolitiken:\n"
                + "- främja allas möjlighet till kulturupplevelser, bildning och till att utveckla sina skapande förmågor\n"
                + "- främja kvalitet och konstnärlig förnyelse\n"
                + "- främja ett levande kulturarv som bevaras, används och utvecklas\n"
                + "- främja internationellt och interkulturellt utbyte och samverkan\n"
                + "- särskilt uppmärksamma barns och ungas rätt till kultur.”",
            Assignment = "Uppdraget för Kulturutveckling är att genom samverkan och förankring med kommuner och andra aktörer bidra till "
                + "utveckling av kulturpolitiskt prioriterade områden utifrån den regionala kulturplanen.",
            StaffNote = "Inom regional biblioteksverksamhet finns fyra heltidstjänster 2019. En vikarie har arbetat som biblioteksassistent "
                + "under semestrar. Sjukskrivning på delar av en tjänst i december 2018–juni 2019.",
            AreasIntro = "Den regionala biblioteksverksamheten stödjer folkbibliotekens verksamhetsutveckling och kvalitetsarbete för att skapa "
                + "större likvärdighet mellan länets bibliotek. En stor del av den kvalitetshöjande metodutvecklingen sker i samverkan med andra "
                + "regionala och nationella biblioteksverksamheter.\n\nSedan 2015 pågår ett samverkansprojekt, Bibliotek i Västmanland, mellan "
                + "folkbiblioteken i alla kommunerna. Målet är att utveckla samverkan mellan kommunernas folkbiblioteksverksamhet i länet. Detta "
                + "kopplar mot 11 § och 14 § i bibliotekslagen. Syftet är att öka servicegraden och tillgängligheten till bibliotekstjänster i hela "
                + "länet. Även sjukhusbiblioteket inom Region Västmanland ingår i delar av samarbetet.\n\nProjektets målområden omfattar "
                + "upphandling av RFID, biblioteksdatasystem och webbplats, gemensamt mediebestånd, lånekort, transporter, databaser, "
                + "kompetensöverföring samt marknadsföring.\n\nDen regionala biblioteksverksamheten är en viktig kunskapsnod för utvecklingen av "
                + "folkbibliotekspersonalens digitala kompetens. För att uppfylla det behov av ökad digital kompetens som krävs av länets invånare "
                + "samt för att skapa likvärdig biblioteksverksamhet är det viktigt att folkbibliotekspersonalen får möjligheter och resurser för "
                + "en digital kunskapshöjning.\n\nDen regionala biblioteksverksamheten har i uppdrag att strategiskt arbeta med att stärka den läs- "
                + "och litteraturfrämjande verksamheten i länet. Språket är en grundläggande rättighet för alla människor och viktigt för att kunna "
                + "kommunicera, informera sig, vara delaktig i samhället och ta del av litteratur och kultur.",
        };

        var samverkan = Area(1, "Bibliotekssamverkan",
            [(PartnerKind.Municipality, "Kommunerna"), (PartnerKind.Other, "Andra bibliotek i landet med systemet Koha"),
             (PartnerKind.Region, "Andra kommuner i landet samt andra regioner som är intresserade av systemet Koha"), (PartnerKind.Supplier, "Leverantörer")],
            ["Förvaltning och samarbetsavtal mellan kommunerna", "Hållbara strukturer för gemensamt mediebestånd", "Gemensamt biblioteksdatasystem",
             "Gemensam webbplats", "Gemensam kunskapsöverföring och erfarenhetsutbyte"]);
        var digital = Area(2, "Folkbibliotekens digitala utveckling",
            [(PartnerKind.Municipality, "Kommunerna"), (PartnerKind.NationalLibrary, "Kungliga biblioteket"),
             (PartnerKind.Region, "Regionala biblioteksverksamheter"), (PartnerKind.University, "Bibliotekshögskolan i Borås")],
            ["Ökad digital delaktighet hos länets invånare.", "Högre digital kompetens hos folkbibliotekspersonalen.",
             "Större integritet och säkerhet för folkbibliotekens användare."]);
        var kvalitet = Area(3, "Folkbibliotekens kvalitetsarbete",
            [(PartnerKind.Municipality, "Kommunerna"), (PartnerKind.NationalLibrary, "Kungliga biblioteket"), (PartnerKind.Region, "Regionala biblioteksverksamheter")],
            ["Samordna arbetet med uppföljningsbara kommunala biblioteksplaner.", "Samverka nationellt kring folkbibliotekens kvalitetsarbete och biblioteksplaner.",
             "Utveckla användningen av Design thinking för bibliotek som arbetsmetod på folkbiblioteken."]);
        var las = Area(4, "Läs- och litteraturfrämjande verksamhet", [],
            ["Utveckla nätverket för samverkan inom läsfrämjande mellan regionen, kommunerna, folkhögskolor, studieförbund, idrottsrörelse, kultur, skola och fritid.",
             "Utveckla stöd till nya modeller och metoder för läs- och litteraturfrämjande verksamhet.",
             "Utveckla samarbete inom Språkfrö Västmanland för att på sikt etablera ett projekt.",
             "Utveckla verksamhet med inspiration och kompetensutveckling till de vuxna som möter och arbetar med barn och unga.",
             "Genomföra en kartläggning och inventering av litterära aktörers förutsättningar i Västmanland.",
             "Arenor för eget skapande/skrivande för barn och unga."]);
        plan.Areas.AddRange([samverkan, digital, kvalitet, las]);

        var amelie = Member(1, "Amelie Sarlin", "Digital biblioteksutveckling, kvalitetsarbete, biblioteket som mötesplats", [digital, kvalitet],
            (M(1), null, 100, null), (M(2), M(9), 0, "Föräldraledig"), (M(10), null, 50, "Därefter 50 %"));
        var cajsa = Member(2, "Cajsa Broström", "Läsfrämjande med prioritet barn och unga", [las], (M(1), null, 100, null));
        var karin = Member(3, "Karin Engström", "Bibliotekssamverkan med mål att skapa gemensamma system, riktlinjer för samarbete samt delade kompetenser",
            [samverkan], (M(1), null, 100, null));
        var helena = Member(4, "Helena Öberg Carlsson", "Litteraturen som konstform", [las],
            (M(6), null, 50, "Projektanställd"), (M(10), null, 75, "Projektanställd"));
        var melissa = Member(5, "Melissa Mölnstrand", "Digitalt först", [digital], (M(4), M(9), 100, "Projektanställd (IT-pedagog)"));
        var christer = Member(6, "Christer Söderqvist", "Biblioteksassistent", [], (M(1), null, 100, null));
        var aram = Member(7, "Aram Ismail", "Timanställd vikarie, biblioteksassistent", []);
        plan.Team.AddRange([amelie, cajsa, karin, helena, melissa, christer, aram]);

        const PlannedActionStatus Done = PlannedActionStatus.Done, Ongoing = PlannedActionStatus.Ongoing, Postponed = PlannedActionStatus.Postponed;
        Actions(samverkan, karin,
            ("Sammanställa ett förslag med stöd av regionens kompetenser, förankra i kommunerna", Ongoing, null),
            ("Ta fram förslag på hållbar struktur i arbetsgrupp medier", Done, null),
            ("Undersöka transportbehov och eventuellt upphandla för detta", Ongoing, null),
            ("Implementera Koha med utbildning m.m.", Done, null),
            ("Libris", Done, null),
            ("Studiebesök/användarmöten", Done, null),
            ("Gemensamma låneregler och ersättningar", Done, null),
            ("Upphandla leverantör av Wordpresswebb", Ongoing, null),
            ("Grafisk profil", Done, null),
            ("Plattform, Sharepoint (eller annat)", Done, null),
            ("Ordna kompetensdagar", Done, null),
            ("Leda arbetsgrupper", Ongoing, null));
        Actions(digital, amelie,
            ("Anordna kompetensdagar kring digital kompetens om MIK för folkbibliotekspersonal.", Done, null),
            ("Anordna kompetensutveckling inom integritet och säkerhet för folkbibliotekspersonal.", Ongoing, null),
            ("Skapa ett nätverk/nätverksträffar inom digital utveckling för folkbibliotekspersonal.", Ongoing, null),
            ("Etablera Data detox kit som arbetsmetod inom integritet och säkerhet på folkbiblioteken.", Ongoing, null),
            ("Digitalt först: delta i regionala arbetsgrupper", Postponed, "Föräldraledighet: det har inte funnits möjlighet att delta."),
            ("Digitalt först: skapa ett ledarspår för bibliotekschefer inom digital transformation", Postponed, "Planeras till 2020, eventuellt tillsammans med andra regioner."));
        Actions(digital, melissa,
            ("Digitalt först: utföra workshops för folkbibliotekspersonal utifrån självskattningstestet om digital kompetens", Done, null),
            ("Digitalt först: utföra utbildningar i lärplattformen Digiteket för folkbibliotekspersonal", Postponed, "IT-pedagogen avslutade sin tjänst i september; arbetet fortsätter 2020."));
        Actions(kvalitet, amelie,
            ("Löpande uppföljning av kommunala biblioteksplaner.", Done, null),
            ("Delta i och anordna regionalt deltagande i Träffpunkt biblioteksplaner.", Done, null),
            ("Delta i Föreningen för regional biblioteksverksamhet (FRB).", Done, null),
            ("Delta i Svensk biblioteksförenings expertnätverk för verksamhetsutveckling.", Done, null),
            ("Anordna fortbildning för folkbibliotekspersonal i Design thinking för bibliotek.", PlannedActionStatus.Planned, null),
            ("Omvärldsbevaka området människocentrerad design.", Ongoing, null));
        // The seed: Design thinking "legat på is på grund av föräldraledighet" — planned for the autumn, the months the flag shows.
        var designThinking = kvalitet.Actions.Single(a => a.Text.StartsWith("Anordna fortbildning", StringComparison.Ordinal));
        (designThinking.PlannedFrom, designThinking.PlannedTo) = (M(9), M(11));
        foreach (var a in digital.Actions.Where(a => a.Text.StartsWith("Digitalt först", StringComparison.Ordinal)))
            a.Links.Add(new PlannedActionLink { Programme = programme });
        // The four training days of seed 004 (ActivityDemoData) carry the MIK competence days; the report counts them from these links.
        var trainingDays = (await db.Activities.Where(a => a.CountyCode == CountyCode && a.Sessions.Any(x => x.Date.Year == 2019))
            .Select(a => new { a.Id, a.Title }).ToListAsync())
            .Where(a => TrainingDayTitles.Any(t => a.Title.StartsWith(t, StringComparison.Ordinal))).Select(a => a.Id).ToList();
        var competenceDays = digital.Actions.Single(a => a.Text.StartsWith("Anordna kompetensdagar", StringComparison.Ordinal));
        competenceDays.Links.AddRange(trainingDays.Select(id => new PlannedActionLink { ActivityId = id }));
        // The workshops were held "utifrån självskattningstestet": the region's round (its latest one before the plan ends).
        var roundId = await db.AssessmentRounds.Where(r => r.CountyCode == CountyCode && r.OpensOn <= plan.EndDate)
            .OrderByDescending(r => r.OpensOn).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        if (roundId is int rid)
            digital.Actions.Single(a => a.Text.Contains("utifrån självskattningstestet", StringComparison.Ordinal)).Links.Add(new PlannedActionLink { RoundId = rid });

        Outcome(samverkan,
            "Ett samverkansavtal mellan kommunerna och regionen för förvaltning av biblioteksdatasystem och webb finns framtaget och ska skrivas under "
            + "av alla parter. Detta är framtaget i samarbete med alla bibliotekscheferna (= styrgrupp) samt kultur- och fritidscheferna. Dialog har "
            + "inletts för samverkan med sjukhusbiblioteket.\n\nEn arbetsgrupp för mediesamarbete har tagit fram riktlinjer för hur man ska samarbeta "
            + "kring de numera gemensamma medierna, försök görs också att minska transporter av samma titlar som annars riskerar att skickas fram och "
            + "tillbaka. Transporterna som alltjämt går med regionens transporter till vårdcentralerna ska utökas och även gå direkt till biblioteken "
            + "– ”blod & böcker”.\n\nBiblioteksdatasystemet Koha har implementerats i alla {{kommuner.totalt}} kommunerna, utbildning har skett i "
            + "varje kommun, med befintliga manualer och i vissa fall genom studiebesök hos andra. Flera från förvaltningsteamet samt några "
            + "bibliotekschefer har deltagit i Svenska kohanätverkets användardagar. Bibliotek i Västmanland samverkar med andra kommuner kring "
            + "utveckling av systemet. Katalogposter tillhandahålls nu genom deltagande i samarbetet kring Libris, en arbetsgrupp har bildats för "
            + "detta och Västerås tillhandahåller stöd. De framtagna gemensamma lånereglerna samt ersättningsnivåerna har implementerats i samband "
            + "med driftsättande av Koha.\n\nRegionen har skrivit avtal med webbyrå för utveckling av gemensam webbplats för Bibliotek i "
            + "Västmanland genom avrop från upphandlat ramavtal. Webbplatsen utvecklas i två steg och kommer att omfatta en webbplats byggd i "
            + "Wordpress där Koha (katalog och Mina sidor) och andra tjänster som till exempel e-böcker och strömmande film är integrerade.\n\n"
            + "Grafisk profil för Bibliotek i Västmanland är framtagen och levererad. Den kommer att implementeras stegvis och olika mycket i de "
            + "olika kommunerna, flera är på gång att beställa bibliotekskort med ny layout.\n\nSamarbetsprojektet är beroende av att "
            + "kommunikation kan ske på bra sätt. Förutom mejl kan dialog ske via plattformen ”Slack” där all personal är välkommen att delta, för "
            + "hantering av dokument används regionens verktyg Sharepoint. Bibliotekscheferna i styrgruppen har haft ett stort ansvar att föra "
            + "vidare information, men även inom arbetsgrupperna har varje deltagare haft ansvar för att kommunicera vidare det som sker till sina "
            + "kollegor. Bibliotekscheferna har med hjälp av en kommunikationsbyrå genomgått gedigen utbildning i förändringskommunikation, något "
            + "som varit behövligt, inte minst vid övergång till nytt biblioteksdatasystem.");
        Outcome(digital,
            "Den nationella satsningen Digitalt först – med användaren i fokus fortsätter under 2019 och 2020. Inom ramen för satsningen har "
            + "Region Västmanland mottagit stöd från Kungliga biblioteket om sammanlagt {{program.bidrag}}. Våren 2019 anställdes en IT-pedagog "
            + "för att arbeta med satsningen. IT-pedagogen genomförde workshops i {{sjalvskattning.workshopkommuner}} av {{kommuner.totalt}} kommuner utifrån "
            + "svaren på det självskattningstest som folkbibliotekspersonalen utförde under hösten 2018. IT-pedagogen avslutade sin tjänst i "
            + "Region Västmanland i september 2019 och därför har workshops inte utförts i resterande kommuner/arbetslag. En ny IT-pedagog har "
            + "anställts och kommer att fortsätta arbetet med workshops och utbildningar utifrån självskattningstestet och Digiteket under 2020.\n\n"
            + "På grund av föräldraledighet har det inte funnits möjlighet att delta i regionala arbetsgrupper inom Digitalt först – med användaren "
            + "i fokus. Plan finns för att kunna genomföra ledarskapsspår för bibliotekschefer under 2020, eventuellt tillsammans med andra regioner."
            + "\n\nInom Digitalt först finns ett Data detox-spår där representanter från andra regionala biblioteksverksamheter arbetar med att "
            + "göra en översättning av utställningen The Glass Room Experience som är kopplad till metoden Data detox kit. När översättningen är "
            + "färdig kan utställningen tillsammans med Data detox kit börja användas som arbetsmetod inom integritet och säkerhet på folkbiblioteken."
            + "\n\n{{aktiviteter.kopplade}} utbildningstillfällen har genomförts inom området digital kompetens och MIK under året:\n"
            + "- Två halvdagarsfördjupningar i digital källkritik med Mikoteket.\n"
            + "- Heldag om informationssökningsprocessen i samarbete med Bibliotekshögskolan i Borås.\n"
            + "- Heldag om digitalt först för barn och unga i Katrineholm tillsammans med de regionala biblioteksverksamheterna i Södermanland och "
            + "Östergötland.\n\nRegionens aktiviteter hade under året {{deltagare.antal}} anmälda deltagare, varav {{deltagare.narvarande}} "
            + "markerade som närvarande.");
        Outcome(kvalitet,
            "Under hösten gjordes en enkät för att undersöka läget kring kommunernas biblioteksplaner som {{biblioteksplaner.enkat.svar}} av "
            + "{{biblioteksplaner.enkat.kommuner}} kommuner svarat på (alla utom Arboga). Även är kommunerna i väldigt olika faser i arbetet med "
            + "biblioteksplanerna. Fyra av nio svarande kommuner har aktuella biblioteksplaner, två har biblioteksplaner som går ut 2019 och fyra "
            + "kommuner har biblioteksplaner som redan har gått ut. {{biblioteksplaner.saknarnastaar}} kommuner, Köping och Västerås, kommer att "
            + "sakna giltig biblioteksplan 2020. Det innebär bland annat svårigheter med att ansöka om medel från satsningen Stärkta bibliotek, "
            + "som kräver aktuell biblioteksplan. Flera svarande efterlyser gemensamt arbete kring biblioteksplanerna inför nästa planperiod.\n\n"
            + "Kungliga biblioteket har anordnat två tillfällen för det nya forumet Träffpunkt biblioteksplaner. Vid det första tillfället deltog "
            + "intresserade från länet via webbsändning och vid det andra deltog representanter från Region Västmanland på plats i Stockholm. Under "
            + "hösten har bibliotekscheferna informerats om Träffpunkt biblioteksplaner med förhoppningen att skapa större engagemang i länets "
            + "kommuner inför 2020.\n\nGenom deltagande i FRB har den regionala biblioteksverksamheten deltagit i strategiskt arbete på nationell "
            + "nivå och i kontakt med statliga aktörer såsom KB, Kulturrådet och SKR. Deltagande i Svensk biblioteksförenings expertnätverk för "
            + "verksamhetsutveckling har gett kontakter med bland annat universitetsbibliotek och innehåll kring självorganiserande grupper och UX."
            + "\n\nUnder 2019 har arbetet med fortbildning och workshops i Design thinking för bibliotek legat på is på grund av "
            + "föräldraledighet. Möjligheter finns att arbeta vidare med att etablera metoden på folkbiblioteken under 2020.");

        foreach (var a in plan.Areas.SelectMany(a => a.Actions)) a.UpdatedAt = now;
        foreach (var o in plan.Areas.SelectMany(a => a.Outcomes)) o.UpdatedAt = now;
        db.ActivityPlans.Add(plan);
        await db.SaveChangesAsync();
        logger.LogInformation("Demo activity plan loaded: {Title} ({County})", Title, CountyCode);

        static TeamMember Member(int order, string name, string responsibility, DevelopmentArea[] areas, params (DateOnly From, DateOnly? To, int Percent, string? Note)[] periods) => new()
        {
            Name = name, Responsibility = responsibility, SortOrder = order,
            Areas = areas.Select(a => new TeamMemberArea { Area = a }).ToList(),
            Periods = periods.Select(p => new EmploymentPeriod { FromMonth = p.From, ToMonth = p.To, Percent = p.Percent, Note = p.Note }).ToList(),
        };

        static void Actions(DevelopmentArea area, TeamMember responsible, params (string Text, PlannedActionStatus Status, string? Reason)[] actions)
        {
            foreach (var (text, status, reason) in actions)
                area.Actions.Add(new PlannedAction
                {
                    Text = text, Status = status, StatusReason = reason, Responsible = responsible, SortOrder = area.Actions.Count,
                    PlannedFrom = new(2019, 1, 1), PlannedTo = new(2019, 12, 1),
                });
        }

        static void Outcome(DevelopmentArea area, string text) => area.Outcomes.Add(new AreaOutcome { Year = 2019, Text = text });
    }

    /// <summary>A demo development area with its partners and sub-goals in the order given (also <see cref="SharedPlanDemoData"/>'s).</summary>
    internal static DevelopmentArea Area(int order, string name, (PartnerKind Kind, string Name)[] partners, string[] goals) => new()
    {
        Name = name, SortOrder = order,
        Partners = partners.Select((p, i) => new AreaPartner { Kind = p.Kind, Name = p.Name, SortOrder = i }).ToList(),
        SubGoals = goals.Select((g, i) => new SubGoal { Text = g, SortOrder = i }).ToList(),
    };
}
