using Microsoft.EntityFrameworkCore;

using Samverka.Web.Data;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// Cooperation across counties from seed 002 (2010): Regionbiblioteket i Kalmar län and Länsbibliotek Sydost (Blekinge
/// and Kronoberg) in BISS, Bibliotek i samverkan i sydost. Kalmar's plan for 2010–2011 holds the three priorities the
/// three counties chose together on 1 June 2010 and the joint competence development, each area shared with Blekinge
/// and Kronoberg, so their coordinators read those areas (and nothing else of Kalmar's plan). Only what the seed says:
/// no team (the seed names only the two presenters) and no outcome figures. Loaded once: skipped when Kalmar has a plan.
/// </summary>
public static class SharedPlanDemoData
{
    public const string CountyCode = "08";
    public static readonly string[] SharedWith = ["07", "10"];
    public const string Title = "Samarbete över biblioteksgränser 2010–2011 (BISS)";

    public static async Task LoadAsync(AppDbContext db, ILogger logger)
    {
        if (!await db.Municipalities.AnyAsync(m => m.CountyCode == CountyCode) || await db.ActivityPlans.AnyAsync(p => p.CountyCode == CountyCode)) return;
        var now = DateTimeOffset.UtcNow;
        var plan = new ActivityPlan
        {
            CountyCode = CountyCode, Title = Title, StartDate = new(2010, 1, 1), EndDate = new(2011, 12, 31), CreatedAt = now, UpdatedAt = now,
            Vision = "På kort sikt: att vi enas om en gemensam satsning och planering på ökad digital delaktighet, och söker externa medel för "
                + "satsningen. På längre sikt: en gemensam biblioteksplan som antas av våra huvudmän och en gemensam ledningsgrupp för avgränsade frågor.",
            Premises = "Det finns i sydost (Kalmar, Kronobergs och Blekinge län) ett väl utvecklat samarbete inom biblioteksområdet som är värt att "
                + "bygga vidare på, och ett väl förankrat politiskt stöd för att stimulera en fortsatt satsning på att utveckla biblioteken.\n\n"
                + "Med dagens snabba utveckling är var och en för sig för små. Genom samarbete kan vi frigöra resurser för utvecklingsverksamhet, "
                + "bredda vår kompetens, bli starkare utåt och effektivare.",
            Assignment = "Uppdrag från politikerna att från våren 2006 fördjupa samarbetet kring:\n"
                + "- barn- och ungdomars delaktighet i informationssamhället\n- vuxnas lärande\n- tekniklösningar\n- logistik\n- mångkultur\n"
                + "- kompletterande medier\n- tillgänglighet ur olika aspekter\n- gemensamma utbildningar och kompetensutveckling för 25 kommuner "
                + "och för läns- och regionbibliotekets konsulenter\n- gränsöverskridande team (arbete över länsgränserna)",
            AreasIntro = "BISS – Bibliotek i samverkan i sydost – startade i Kalmar län 2009 och samlar läns- och regionbibliotek, grundskole-, "
                + "gymnasie- och folkbibliotek, Blekinge Tekniska Högskola och Linnéuniversitetet. Vid mötet den 1 juni 2010 gav gruppdiskussioner "
                + "11 prioriterade områden, varav tre utgör ryggraden i bibliotekens samarbete. Områdena delas med Blekinge och Kronoberg.",
        };
        var partners = new (PartnerKind, string)[]
        {
            (PartnerKind.Region, "Region Blekinge"), (PartnerKind.Region, "Landstinget Kronoberg"),
            (PartnerKind.University, "Blekinge Tekniska Högskola"), (PartnerKind.University, "Linnéuniversitetet"),
        };
        var delaktighet = ActivityPlanDemoData.Area(1, "Ökad digital delaktighet", [.. partners, (PartnerKind.NationalLibrary, "Kungliga biblioteket")],
            ["En gemensam satsning och planering på ökad digital delaktighet enligt Markings modell, med ansvar för vardagsfrågor och utbildning.",
             "Externa medel för satsningen."]);
        Actions(delaktighet,
            ("Växjömötet: enas om vad vi prioriterar tillsammans de närmaste åren.", PlannedActionStatus.Done, null, new(2010, 9, 1), new(2010, 9, 1)),
            ("Möte med Kungliga biblioteket och IKT-lyftet om det nationella arbetet med digital delaktighet.", PlannedActionStatus.Done, null, new(2010, 11, 1), new(2010, 11, 1)),
            ("Söka externa medel för satsningen på ökad digital delaktighet.", PlannedActionStatus.Planned, null, new(2011, 1, 1), new(2011, 6, 1)));
        var infrastruktur = ActivityPlanDemoData.Area(2, "Likvärdig digital infrastruktur", partners, ["En likvärdig digital infrastruktur för biblioteken i de tre länen."]);
        var omvarld = ActivityPlanDemoData.Area(3, "Omvärldsbevakning", partners, ["Gemensam omvärldsbevakning för biblioteken i sydost."]);
        var kompetens = ActivityPlanDemoData.Area(4, "Gemensam kompetensutveckling", partners,
            ["Metoder för att kontinuerligt kompetensutveckla hela personalen, med en plan för hur nyckelpersoners kompetens sprids i organisationen.",
             "Kompetensutveckling inom teknik, bemötande och pedagogik, marknadsföring och omvärldsorientering samt chefsutbildning."]);
        Actions(kompetens,
            ("Trelänsmöte: plattformens mandat och områden för samverkan.", PlannedActionStatus.Done, null, new(2010, 1, 1), new(2010, 1, 1)),
            ("Studiebesök och praktik mellan biblioteken i de tre länen.", PlannedActionStatus.Planned, null, new(2011, 1, 1), new(2011, 12, 1)));
        plan.Areas.AddRange([delaktighet, infrastruktur, omvarld, kompetens]);
        foreach (var area in plan.Areas)
            foreach (var county in SharedWith) area.SharedWith.Add(new AreaShare { CountyCode = county });
        db.ActivityPlans.Add(plan);
        await db.SaveChangesAsync();
        logger.LogInformation("Demo activity plan loaded: {Title} ({County}, shared with {Shared})", Title, CountyCode, string.Join(", ", SharedWith));

        void Actions(DevelopmentArea area, params (string Text, PlannedActionStatus Status, string? Reason, DateOnly From, DateOnly To)[] actions)
        {
            foreach (var (text, status, reason, from, to) in actions)
                area.Actions.Add(new PlannedAction
                {
                    Text = text, Status = status, StatusReason = reason, SortOrder = area.Actions.Count, PlannedFrom = from, PlannedTo = to, UpdatedAt = now,
                });
        }
    }
}
