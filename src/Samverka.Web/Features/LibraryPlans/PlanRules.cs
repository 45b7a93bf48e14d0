namespace Samverka.Web.Features.LibraryPlans;

/// <summary>A municipality's status for a year, as the register shows it. The order is the legend's order.</summary>
public enum PlanStatus
{
    /// <summary>A plan is in force on the reference date and one is still in force on 1 January next year.</summary>
    InForce,
    /// <summary>In force on the reference date, but nothing recorded is in force on 1 January next year.</summary>
    ExpiresThisYear,
    /// <summary>Not in force on the reference date, but current by KB's rule (ended at most two years back, or starts later this year).</summary>
    CurrentButExpired,
    /// <summary>Plans are recorded, but the latest ended more than two years back.</summary>
    ExpiredBeyondGrace,
    /// <summary>Known to lack a plan: a confirmed survey answer said so, or only later plans are recorded.</summary>
    NoPlanRecorded,
    /// <summary>Nothing is known: no plan and no confirmed answer. Never counted as missing.</summary>
    Unknown,
}

/// <summary>A plan's period; <see cref="From"/> null when only the end is known.</summary>
public readonly record struct PlanPeriod(DateOnly? From, DateOnly To);

/// <summary>
/// The two rules for library plans (DOMAIN.md), pure so they can be tested at their boundaries:
/// <em>in force</em> (gällande) between start and end, and KB's <em>current</em> (tidsmässigt aktuell):
/// in force at some time in the year, or ended at most two years back. A plan ending 31 December
/// 2018 is therefore current through 31 December 2020 and not in 2021.
/// </summary>
public static class PlanRules
{
    /// <summary>KB's grace: new plans take about two years to produce.</summary>
    public const int GraceYears = 2;

    public static bool InForceOn(PlanPeriod p, DateOnly date) => (p.From is null || p.From.Value <= date) && date <= p.To;

    public static bool InForceDuring(PlanPeriod p, int year) => (p.From is null || p.From.Value.Year <= year) && p.To.Year >= year;

    public static bool CurrentInYear(PlanPeriod p, int year) => (p.From is null || p.From.Value.Year <= year) && p.To.Year >= year - GraceYears;

    public static bool AnyCurrent(IEnumerable<PlanPeriod> plans, int year) => plans.Any(p => CurrentInYear(p, year));

    /// <summary>Grants such as Stärkta bibliotek required a current plan in the year applied for.</summary>
    public static bool GrantEligible(IEnumerable<PlanPeriod> plans, int year) => AnyCurrent(plans, year);

    /// <summary>The status on <paramref name="date"/> (for a year view: 31 December of the year).</summary>
    /// <param name="declaredNoPlan">A confirmed answer, given in or before this year, that the municipality has no plan.</param>
    public static PlanStatus StatusOn(IReadOnlyCollection<PlanPeriod> plans, bool declaredNoPlan, DateOnly date)
    {
        var year = date.Year;
        if (plans.Any(p => InForceOn(p, date)))
            return plans.Any(p => InForceOn(p, new DateOnly(year + 1, 1, 1))) ? PlanStatus.InForce : PlanStatus.ExpiresThisYear;
        if (AnyCurrent(plans, year)) return PlanStatus.CurrentButExpired;
        if (plans.Any(p => p.To < date)) return PlanStatus.ExpiredBeyondGrace;
        return plans.Count > 0 || declaredNoPlan ? PlanStatus.NoPlanRecorded : PlanStatus.Unknown;
    }

    /// <summary>Current this year by KB's rule but not next year: the municipality loses it on 1 January.</summary>
    public static bool LosesCurrentNextYear(IReadOnlyCollection<PlanPeriod> plans, int year) =>
        AnyCurrent(plans, year) && !AnyCurrent(plans, year + 1);

    /// <summary>In force at some time this year, but nothing in force on 1 January next year (seed 004: "saknar giltig plan 2020").</summary>
    public static bool LacksPlanInForceNextYear(IReadOnlyCollection<PlanPeriod> plans, int year) =>
        plans.Any(p => InForceDuring(p, year)) && !plans.Any(p => InForceOn(p, new DateOnly(year + 1, 1, 1)));

    public static string Label(PlanStatus s) => s switch
    {
        PlanStatus.InForce => "Gällande plan",
        PlanStatus.ExpiresThisYear => "Gällande, går ut i år",
        PlanStatus.CurrentButExpired => "Aktuell enligt KB, inte gällande",
        PlanStatus.ExpiredBeyondGrace => "Utgången sedan mer än två år",
        PlanStatus.NoPlanRecorded => "Ingen plan",
        _ => "Okänt",
    };
}
