using Samverka.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

using Samverka.Web.Features.Themes;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.SelfAssessment;
using Samverka.Web.Features.LibraryPlans;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// The report's figures that other features already compute for their own pages, taken from their code so that the
/// report and those pages never disagree:
/// participants as on /aktiviteter/statistik (confirmed and attended registrations, counted in the year of the
/// activity's first session); agreements in force by <see cref="AgreementRules.StatusOn"/> on the period's last day
/// (today while the period runs) and follow-ups held in the period; self-assessment responses in the region's rounds
/// opened in the period (region totals only, so no suppression applies); the needs page's workshop coverage for
/// the region's latest round opened by the period's end, counting workshops up to that end; and the library-plan
/// register's figures for the period's last year (<see cref="PlanOverview"/>, as on /biblioteksplaner) with the
/// answers to the region's plan survey of that year (as on the survey page).
/// </summary>
public static class PlanSourceFigures
{
    /// <summary>The figures, and per municipality what the engagement map adds from these sources.</summary>
    public sealed record Result(List<PlanFigure> Figures, IReadOnlyDictionary<string, int> ParticipantsBy, IReadOnlySet<string> WorkshopCodes,
        IReadOnlySet<string> CurrentPlanCodes);

    public static async Task<Result> ComputeAsync(AppDbContext db, string countyCode, DateOnly from, DateOnly to,
        IReadOnlyList<Theme> themes, DateTimeOffset now, CancellationToken ct)
    {
        var participation = (await ActivityStatistics.LoadAsync(db, countyCode: countyCode))
            .Where(p => p.Year >= from.Year && p.Year <= to.Year).ToList();
        var figures = new List<PlanFigure>
        {
            new("deltagare.antal", "Deltagare (bekräftade anmälningar) i regionens aktiviteter", participation.Count),
            new("deltagare.narvarande", "Deltagare markerade som närvarande", participation.Count(p => p.Attended)),
        };
        figures.AddRange(themes.Select(t => new PlanFigure($"deltagare.tema.{t.Id}", $"Deltagare i aktiviteter med temat {t.Name}",
            participation.Count(p => p.Themes.Contains(t.Name)))));

        var today = SwedishTimeZone.Today(now);
        var on = to < today ? to : today;
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.FollowUps).Where(a => a.CountyCode == countyCode).ToListAsync(ct);
        figures.Add(new("overenskommelser.gallande", $"Överenskommelser som gäller {on:yyyy-MM-dd}",
            agreements.Count(a => AgreementRules.StatusOn(a, on) == AgreementStatus.InForce)));
        figures.Add(new("overenskommelser.avstamningar", "Hållna avstämningar av överenskommelser under perioden",
            agreements.SelectMany(a => a.FollowUps).Count(f => f.HeldOn >= from && f.HeldOn <= to)));

        var rounds = db.AssessmentRounds.AsNoTracking().Where(r => r.CountyCode == countyCode);
        figures.Add(new("sjalvskattning.omgangar", "Mätomgångar i självskattningen som öppnat under perioden",
            await rounds.CountAsync(r => r.OpensOn >= from && r.OpensOn <= to, ct)));
        var responses = await db.AssessmentResponses.AsNoTracking().CountAsync(x => rounds.Any(r => r.Id == x.RoundId && r.OpensOn >= from && r.OpensOn <= to), ct);
        var threshold = Suppression.Options(db).MinGroupForMean;
        figures.Add(Suppression.ShownCount(responses, threshold) is null
            ? new("sjalvskattning.svar", "Svar i självskattningen i regionens mätomgångar under perioden", 0, Withheld: Suppression.FewerThan(threshold))
            : new("sjalvskattning.svar", "Svar i självskattningen i regionens mätomgångar under perioden", responses));

        var latest = await rounds.Where(r => r.OpensOn <= to).OrderByDescending(r => r.OpensOn).ThenByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var coverage = latest is null ? null : await WorkshopCoverage.ForRoundAsync(db, latest, to);
        figures.Add(new("sjalvskattning.workshopkommuner", latest is null ? "Kommuner med workshop efter en mätomgång (ingen mätomgång före periodens slut)"
            : $"Kommuner med workshop efter mätomgången {latest.Name} (från {latest.OpensOn:yyyy-MM-dd} till {to:yyyy-MM-dd})", coverage?.Covered.Count ?? 0));

        var plans = PlanOverview.For(await PlanOverview.LoadAsync(db, countyCode, ct), to.Year, countyCode);
        figures.Add(new("biblioteksplaner.aktuella", $"Kommuner med aktuell biblioteksplan enligt registret (31 december {to.Year})", plans.Current));
        figures.Add(new("biblioteksplaner.saknarnastaar", $"Kommuner vars biblioteksplan gäller under {to.Year} men inte {to.Year + 1} enligt registret", plans.LackingInForce.Count()));
        var survey = await db.PlanSurveys.AsNoTracking().Where(s => s.CountyCode == countyCode && s.Year == to.Year)
            .Select(s => new { Sent = s.Responses.Count, Answered = s.Responses.Count(r => r.AnsweredAt != null) }).FirstOrDefaultAsync(ct);
        figures.Add(new("biblioteksplaner.enkat.kommuner", $"Kommuner som fått regionens biblioteksplanenkät {to.Year}", survey?.Sent ?? 0));
        figures.Add(new("biblioteksplaner.enkat.svar", $"Kommuner som svarat på regionens biblioteksplanenkät {to.Year}", survey?.Answered ?? 0));

        return new Result(figures, participation.GroupBy(p => p.MunicipalityCode).ToDictionary(g => g.Key, g => g.Count()),
            (coverage?.CoveredCodes ?? []).ToHashSet(), plans.Rows.Where(r => r.Current).Select(r => r.Municipality.Code).ToHashSet());
    }
}
