using Samverka.Web.Data;
using Samverka.Web.Features.ActivityPlans;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>The capacity calculation as pure functions: overlapping leave, part-time, project posts and the risk flag.</summary>
public class CapacityCalculationTests
{
    private static DateOnly M(int month) => new(2019, month, 1);

    /// <summary>Seed 004: 100 %, parental leave February–September, then 50 %.</summary>
    private static List<EmploymentPeriod> Amelie() =>
    [
        new() { Id = 1, FromMonth = M(1), Percent = 100 },
        new() { Id = 2, FromMonth = M(2), ToMonth = M(9), Percent = 0, Note = "Föräldraledig" },
        new() { Id = 3, FromMonth = M(10), Percent = 50 },
    ];

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 0)]
    [InlineData(9, 0)]
    [InlineData(10, 50)]
    [InlineData(12, 50)]
    public void PercentIn_OverlappingLeave_TheLatestStartingPeriodApplies(int month, int expected) =>
        Assert.Equal(expected, PlanCapacity.PercentIn(Amelie(), M(month)));

    [Fact]
    public void PercentIn_PartTimeRaisedLater_AndBeforeEmployment_IsZero()
    {
        // Seed 004: project post from June at 50 %, from October at 75 %.
        List<EmploymentPeriod> helena = [new() { FromMonth = M(6), Percent = 50 }, new() { FromMonth = M(10), Percent = 75 }];
        Assert.Equal([0, 50, 50, 75], new[] { 5, 6, 9, 10 }.Select(m => PlanCapacity.PercentIn(helena, M(m))));
    }

    [Fact]
    public void PercentIn_SickLeaveOnPartOfAPost_OverridesOnlyItsMonths()
    {
        List<EmploymentPeriod> periods = [new() { FromMonth = M(1), Percent = 100 }, new() { FromMonth = M(3), ToMonth = M(4), Percent = 25 }];
        Assert.Equal([100, 25, 25, 100], new[] { 2, 3, 4, 5 }.Select(m => PlanCapacity.PercentIn(periods, M(m))));
    }

    private static ActivityPlan Plan()
    {
        var digital = new DevelopmentArea { Id = 1, Name = "Digital" };
        var quality = new DevelopmentArea { Id = 2, Name = "Kvalitet" };
        var amelie = new TeamMember { Id = 1, Name = "Amelie", Periods = Amelie(), Areas = [new() { AreaId = 1 }, new() { AreaId = 2 }] };
        // Seed 004: a project post April–September at 100 %.
        var melissa = new TeamMember { Id = 2, Name = "Melissa", Periods = [new() { FromMonth = M(4), ToMonth = M(9), Percent = 100 }], Areas = [new() { AreaId = 1 }] };
        digital.Actions.Add(new PlannedAction { Id = 10, Text = "Workshops", ResponsibleId = 2, PlannedFrom = M(4), PlannedTo = M(9) });
        digital.Actions.Add(new PlannedAction { Id = 11, Text = "Ledarspår", ResponsibleId = 1, PlannedFrom = M(9), PlannedTo = M(11) });
        quality.Actions.Add(new PlannedAction { Id = 12, Text = "Design thinking", ResponsibleId = 1, PlannedFrom = M(10), PlannedTo = M(11) });
        quality.Actions.Add(new PlannedAction { Id = 13, Text = "Inställd", ResponsibleId = 1, PlannedFrom = M(3), PlannedTo = M(3), Status = PlannedActionStatus.Cancelled, StatusReason = "x" });
        return new ActivityPlan { CountyCode = "19", Title = "t", StartDate = M(1), EndDate = new(2019, 12, 31), Areas = [digital, quality], Team = [amelie, melissa] };
    }

    [Fact]
    public void ByArea_SplitsAMembersTimeBetweenTheirAreas_AndCountsOpenActions()
    {
        var capacity = PlanCapacity.ByArea(Plan());
        var digital = capacity[1].ToDictionary(c => c.Month.Month);
        Assert.Equal(0.5m, digital[1].Fte);      // Amelie 100 % split over two areas
        Assert.Equal(0m, digital[2].Fte);        // Amelie on leave, Melissa not yet employed
        Assert.Equal(1m, digital[5].Fte);        // Melissa's project post
        Assert.Equal(1m, digital[9].Fte);        // Amelie still on leave in September
        Assert.Equal(0.25m, digital[10].Fte);    // Amelie back at 50 %, split
        Assert.Equal(2, digital[9].PlannedActions);
        Assert.Equal(0, capacity[2][2].PlannedActions); // the cancelled March action is not counted
    }

    [Fact]
    public void AtRisk_FlagsOnlyOpenActionsWhoseResponsibleIsAwayInAPlannedMonth()
    {
        var risks = PlanCapacity.AtRisk(Plan());
        var flagged = Assert.Single(risks);
        Assert.Equal(11, flagged.ActionId);
        Assert.Equal([M(9)], flagged.AwayMonths);
    }
}
