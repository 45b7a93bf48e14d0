using Microsoft.EntityFrameworkCore;
using Samverka.Web.Infrastructure;

using Samverka.Web.Data;
using Samverka.Web.Features.Needs;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>
/// Library plans and priorities as the seeds give them, nothing more. Seed 004 (5.1.3): Region
/// Västmanland's plan survey 2019, answered by all but Arboga; Köping and Västerås "kommer att sakna
/// giltig biblioteksplan 2020". The report gives no other municipality's answer, so the rest stay
/// unknown. Seed 002: BISS (Kalmar, Blekinge, Kronoberg) brainstormed 11 priority areas on 1 June
/// 2010 and chose three; only those three are named. Loaded once per part.
/// </summary>
public static class PlanDemoData
{
    public const string SurveyCounty = "19";
    public const int SurveyYear = 2019;
    public const string Arboga = "1984";
    /// <summary>Köping and Västerås: no valid plan in 2020.</summary>
    public static readonly string[] WithoutValidPlan2020 = ["1983", "1980"];

    public const string RoundTitle = "BISS – prioriterade områden för samarbetet i sydost";
    public static readonly string[] RoundRegions = ["07", "08", "10"];
    public static readonly string[] TopAreas = ["Ökad digital delaktighet", "Likvärdig digital infrastruktur", "Omvärldsbevakning"];
    public const int AreaCount = 11;

    public static async Task LoadAsync(AppDbContext db, ILogger logger)
    {
        var now = DateTimeOffset.UtcNow;
        if (!await db.PlanSurveys.AnyAsync(s => s.CountyCode == SurveyCounty && s.Year == SurveyYear))
        {
            await LoadSurveyAsync(db, now);
            logger.LogInformation("Demo library plans loaded (Västmanland survey {Year})", SurveyYear);
        }
        if (!await db.PriorityRounds.AnyAsync(r => r.Title == RoundTitle))
        {
            await LoadRoundAsync(db, now);
            logger.LogInformation("Demo priority round loaded (BISS)");
        }
    }

    private static async Task LoadSurveyAsync(AppDbContext db, DateTimeOffset now)
    {
        var sent = new DateTimeOffset(2019, 9, 1, 8, 0, 0, TimeSpan.Zero);
        var survey = new PlanSurvey { CountyCode = SurveyCounty, Year = SurveyYear, SentAt = sent, SentBy = "Region Västmanland (verksamhetsberättelsen 2019)" };
        var codes = await db.Municipalities.Where(m => m.CountyCode == SurveyCounty).Select(m => m.Code).ToListAsync();
        foreach (var code in codes)
        {
            var response = new PlanSurveyResponse { MunicipalityCode = code, TokenHash = InvitationTokens.Hash(InvitationTokens.Create()) };
            if (code != Arboga)
            {
                response.AnsweredAt = sent.AddMonths(1);
                response.Comment = "Svaret redovisas inte per kommun i verksamhetsberättelsen 2019.";
            }
            if (WithoutValidPlan2020.Contains(code))
            {
                response.HasPlan = true;
                response.ExpiresYear = 2019;
                response.Comment = "Enligt Region Västmanlands verksamhetsberättelse 2019: saknar giltig biblioteksplan 2020. Att planen går ut 2019 är antaget: rapporten nämner två planer som går ut 2019.";
                response.ConfirmedAt = sent.AddMonths(2);
                response.ConfirmedBy = "Region Västmanland (verksamhetsberättelsen 2019)";
                db.LibraryPlans.Add(new LibraryPlan
                {
                    MunicipalityCode = code,
                    Title = "Biblioteksplan (titel okänd)",
                    ValidFrom = null,
                    ValidTo = new DateOnly(2019, 12, 31),
                    ReportedOn = new DateOnly(2019, 10, 1),
                    SourceNote = "Från Region Västmanlands enkät 2019 (verksamhetsberättelsen 2019): ingen giltig plan 2020; start, titel och beslut okända.",
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
            survey.Responses.Add(response);
        }
        db.PlanSurveys.Add(survey);
        await db.SaveChangesAsync();
    }

    private static async Task LoadRoundAsync(AppDbContext db, DateTimeOffset now)
    {
        var created = new DateTimeOffset(2010, 6, 1, 10, 0, 0, TimeSpan.Zero);
        var round = new PriorityRound
        {
            Title = RoundTitle,
            Period = "2010–",
            PointsPerParticipant = 10,
            TopCount = 3,
            ClosedAt = created,
            CreatedBy = "BISS (presentationen om samverkan i Kalmar, Blekinge och Kronoberg, 2010)",
            CreatedAt = created,
            ResultNote = "Resultatet återges ur BISS-presentationen om samverkan i Kalmar, Blekinge och Kronoberg (2010): gruppdiskussioner med brainstorming den 1 juni 2010 gav 11 områden, " +
                "varav tre utgör ryggraden i bibliotekens samarbete. Källan namnger bara de tre och anger inga röster.",
        };
        foreach (var code in RoundRegions) round.Regions.Add(new PriorityRoundRegion { CountyCode = code });
        for (var i = 0; i < AreaCount; i++)
        {
            var named = i < TopAreas.Length;
            var need = new Need
            {
                Title = named ? TopAreas[i] : $"BISS-område {i + 1} (namnet anges inte i källan)",
                Description = named ? "Prioriterat område för samarbetet över länsgränserna i sydost." : "Ett av de 11 områden som togs fram; källan namnger det inte.",
                Source = NeedSource.EnvironmentalScan,
                SourceDetail = "BISS: omvärldsanalys, SWOT och brainstorming 1 juni 2010 (BISS-presentationen, 2010)",
                AffectedGroups = "Folk-, skol-, gymnasie-, sjukhus- och högskolebibliotek i Kalmar, Blekinge och Kronoberg",
                CreatedBy = "BISS (presentationen om samverkan i Kalmar, Blekinge och Kronoberg, 2010)",
                CreatedAt = created,
            };
            round.Needs.Add(new PriorityRoundNeed { Need = need, Rank = named ? i + 1 : null, IsPriority = named });
        }
        db.PriorityRounds.Add(round);
        await db.SaveChangesAsync();
    }
}
