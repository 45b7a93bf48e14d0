using Samverka.Web.Data;
using Samverka.Web.Features.LibraryPlans;

namespace Samverka.Tests.Features.LibraryPlans;

/// <summary>KB's two rules at their boundaries, the status per municipality, and when reminders fall due.</summary>
public class PlanRulesTests
{
    private static PlanPeriod P(int fromYear, int toYear) => new(new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31));
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void InForce_IsBetweenStartAndEndInclusive()
    {
        var plan = P(2019, 2022);
        Assert.False(PlanRules.InForceOn(plan, D(2018, 12, 31)));
        Assert.True(PlanRules.InForceOn(plan, D(2019, 1, 1)));
        Assert.True(PlanRules.InForceOn(plan, D(2022, 12, 31)));
        Assert.False(PlanRules.InForceOn(plan, D(2023, 1, 1)));
    }

    [Fact]
    public void Current_PlanEndingDecember31TwoYearsAgo_IsCurrentUntilThatYearIsOver()
    {
        var plan = P(2015, 2018);
        Assert.True(PlanRules.CurrentInYear(plan, 2018));
        Assert.True(PlanRules.CurrentInYear(plan, 2020)); // ended two years back: still current all of 2020
        Assert.False(PlanRules.CurrentInYear(plan, 2021)); // three years back: not current
        Assert.False(PlanRules.InForceOn(plan, D(2020, 6, 1))); // and never in force in 2020: the two rules differ
    }

    [Fact]
    public void Current_PlanStartingLaterInTheYear_IsCurrentThatYearButNotBefore()
    {
        var plan = new PlanPeriod(D(2021, 7, 1), D(2024, 6, 30));
        Assert.False(PlanRules.CurrentInYear(plan, 2020));
        Assert.True(PlanRules.CurrentInYear(plan, 2021));
        Assert.True(PlanRules.CurrentInYear(plan, 2026));
        Assert.False(PlanRules.CurrentInYear(plan, 2027));
    }

    [Fact]
    public void Status_OverlappingPlans_InForceWhileEitherCoversNewYear()
    {
        PlanPeriod[] plans = [P(2016, 2019), P(2019, 2023)];
        Assert.Equal(PlanStatus.InForce, PlanRules.StatusOn(plans, false, D(2019, 12, 31)));
        Assert.Equal(PlanStatus.ExpiresThisYear, PlanRules.StatusOn(plans, false, D(2023, 12, 31)));
    }

    [Fact]
    public void Status_GapBetweenPlans_IsCurrentButExpiredInTheGap()
    {
        PlanPeriod[] plans = [P(2014, 2017), new(D(2020, 3, 1), D(2024, 12, 31))];
        Assert.Equal(PlanStatus.ExpiresThisYear, PlanRules.StatusOn(plans, false, D(2017, 12, 31)));
        Assert.Equal(PlanStatus.CurrentButExpired, PlanRules.StatusOn(plans, false, D(2018, 12, 31)));
        Assert.Equal(PlanStatus.InForce, PlanRules.StatusOn(plans, false, D(2020, 12, 31)));
        Assert.True(PlanRules.AnyCurrent(plans, 2019)); // the old plan's grace covers the whole gap
    }

    [Fact]
    public void Status_EachKindOfKnowledge_GetsItsOwnStatus()
    {
        var end = D(2021, 12, 31);
        Assert.Equal(PlanStatus.ExpiredBeyondGrace, PlanRules.StatusOn([P(2010, 2018)], false, end));
        Assert.Equal(PlanStatus.CurrentButExpired, PlanRules.StatusOn([P(2010, 2019)], false, end));
        Assert.Equal(PlanStatus.NoPlanRecorded, PlanRules.StatusOn([], declaredNoPlan: true, end));
        Assert.Equal(PlanStatus.NoPlanRecorded, PlanRules.StatusOn([P(2025, 2028)], false, end)); // only a later plan
        Assert.Equal(PlanStatus.Unknown, PlanRules.StatusOn([], declaredNoPlan: false, end));
    }

    [Fact]
    public void Grant_RequiresCurrentPlanInTheChosenYear()
    {
        PlanPeriod[] plans = [P(2015, 2018)];
        Assert.True(PlanRules.GrantEligible(plans, 2020));
        Assert.False(PlanRules.GrantEligible(plans, 2021));
        Assert.False(PlanRules.GrantEligible([], 2020));
    }

    [Fact]
    public void NextYear_PlanEndingThisYear_LacksInForceButStaysCurrent()
    {
        PlanPeriod[] plans = [new(null, D(2019, 12, 31))]; // Köping and Västerås in seed 004
        Assert.True(PlanRules.LacksPlanInForceNextYear(plans, 2019));
        Assert.False(PlanRules.LosesCurrentNextYear(plans, 2019));
        Assert.False(PlanRules.LosesCurrentNextYear(plans, 2020));
        Assert.True(PlanRules.LosesCurrentNextYear(plans, 2021));
    }

    [Fact]
    public void Reminder_DueAYearAndSixMonthsBeforeAndWhenExpired()
    {
        var end = D(2030, 6, 30); // stops being in force on 1 July 2030
        Assert.Null(PlanReminders.DueKind(end, D(2029, 6, 30)));
        Assert.Equal(PlanReminderKinds.YearBefore, PlanReminders.DueKind(end, D(2029, 7, 1)));
        Assert.Equal(PlanReminderKinds.YearBefore, PlanReminders.DueKind(end, D(2029, 12, 31)));
        Assert.Equal(PlanReminderKinds.SixMonthsBefore, PlanReminders.DueKind(end, D(2030, 1, 1)));
        Assert.Equal(PlanReminderKinds.SixMonthsBefore, PlanReminders.DueKind(end, D(2030, 6, 30)));
        Assert.Equal(PlanReminderKinds.Expired, PlanReminders.DueKind(end, D(2030, 7, 1)));
        Assert.Null(PlanReminders.DueKind(end, D(2030, 7, 1).AddDays(PlanReminders.ExpiredWindowDays)));
    }

    [Fact]
    public void Form_YearOnlyPeriod_IsStoredAsJanuaryFirstToDecemberLast()
    {
        var (valid, errors) = new LibraryPlanForm { Title = "Plan", ValidFrom = "2019", ValidTo = "2022" }.Validate();
        Assert.Empty(errors);
        Assert.Equal(D(2019, 1, 1), valid!.From);
        Assert.Equal(D(2022, 12, 31), valid.To);
    }

    [Theory]
    [InlineData("2022", "2019", "ValidTo")]
    [InlineData("tjugo", "2022", "ValidFrom")]
    [InlineData("2019", "2022-13-01", "ValidTo")]
    public void Form_BadPeriod_IsRefusedOnTheField(string from, string to, string field)
    {
        var (valid, errors) = new LibraryPlanForm { Title = "Plan", ValidFrom = from, ValidTo = to }.Validate();
        Assert.Null(valid);
        Assert.Contains(errors, e => e.Field == field);
    }
}
