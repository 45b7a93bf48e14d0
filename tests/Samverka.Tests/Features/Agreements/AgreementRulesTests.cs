using Samverka.Web.Infrastructure;
using Samverka.Tests.Security;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;

namespace Samverka.Tests.Features.Agreements;

/// <summary>Status by date and the follow-up schedule, with a clock the test moves.</summary>
public class AgreementRulesTests
{
    private static Agreement Seed000(DateOnly? signedOn) => new()
    {
        Title = "t", CountyCode = "12", ValidFrom = new(2018, 12, 1), ValidTo = new(2020, 12, 31), SignedOn = signedOn, SignedPlace = signedOn is null ? null : "Malmö",
    };

    private static TestClock ClockAt(int y, int m, int d)
    {
        var clock = new TestClock();
        // Noon in Stockholm on that day: the date does not depend on the time zone of the machine.
        clock.Advance(new DateTimeOffset(y, m, d, 11, 0, 0, TimeSpan.Zero) - clock.GetUtcNow());
        return clock;
    }

    [Fact]
    public void Status_FollowsTheClock_FromSignedToInForceToEnded()
    {
        var a = Seed000(new DateOnly(2018, 11, 20));
        var clock = ClockAt(2018, 11, 30);
        Assert.Equal(AgreementStatus.Signed, AgreementRules.StatusOn(a, SwedishTimeZone.Today(clock)));
        clock.Advance(TimeSpan.FromDays(1)); // 2018-12-01: the start date
        Assert.Equal(AgreementStatus.InForce, AgreementRules.StatusOn(a, SwedishTimeZone.Today(clock)));
        clock.Advance(new DateTimeOffset(2020, 12, 31, 11, 0, 0, TimeSpan.Zero) - clock.GetUtcNow());
        Assert.Equal(AgreementStatus.InForce, AgreementRules.StatusOn(a, SwedishTimeZone.Today(clock)));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(AgreementStatus.Ended, AgreementRules.StatusOn(a, SwedishTimeZone.Today(clock)));
    }

    [Fact]
    public void Status_DraftStaysDraft_AndTerminationWinsFromItsDate()
    {
        Assert.Equal(AgreementStatus.Draft, AgreementRules.StatusOn(Seed000(null), new DateOnly(2019, 6, 1)));
        var a = Seed000(new DateOnly(2018, 12, 6));
        a.TerminatedOn = new DateOnly(2019, 9, 1);
        a.TerminationReason = "Omorganisation";
        Assert.Equal(AgreementStatus.InForce, AgreementRules.StatusOn(a, new DateOnly(2019, 8, 31)));
        Assert.Equal(AgreementStatus.Terminated, AgreementRules.StatusOn(a, new DateOnly(2019, 9, 1)));
    }

    [Fact]
    public void Today_IsTheSwedishDate()
    {
        // 23:30 UTC on 31 December is already 1 January in Stockholm: the agreement is in force that day.
        var clock = ClockAt(2018, 11, 30);
        clock.Advance(new DateTimeOffset(2018, 11, 30, 23, 30, 0, TimeSpan.Zero) - clock.GetUtcNow());
        Assert.Equal(new DateOnly(2018, 12, 1), SwedishTimeZone.Today(clock));
    }

    [Fact]
    public void FollowUpDates_HalfYearly_Seed000_AreInsideThePeriod()
    {
        var dates = AgreementRules.FollowUpDates(new DateOnly(2018, 12, 1), new DateOnly(2020, 12, 31), 6);
        Assert.Equal([new DateOnly(2019, 6, 1), new DateOnly(2019, 12, 1), new DateOnly(2020, 6, 1), new DateOnly(2020, 12, 1)], dates);
        Assert.Empty(AgreementRules.FollowUpDates(new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 1), 6));
    }

    [Fact]
    public void EndsSoon_FlagsAgreementsEndingWithin90Days()
    {
        var a = Seed000(new DateOnly(2018, 12, 6));
        Assert.False(AgreementRules.EndsSoon(a, new DateOnly(2020, 10, 1)));
        Assert.True(AgreementRules.EndsSoon(a, new DateOnly(2020, 10, 2)));
        Assert.False(AgreementRules.EndsSoon(a, new DateOnly(2021, 1, 1)));
    }
}
