using Samverka.Web.Features.Directory;

using Samverka.Web.Features.Programmes;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.SelfAssessment;
using Samverka.Web.Features.Activities;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// A region's activity plan (verksamhetsplan) for a year or a period (seed 004): vision, values, premises and
/// assignment as the region writes them, its development areas and its regional team.
/// </summary>
public class ActivityPlan
{
    public int Id { get; set; }
    public required string CountyCode { get; set; }
    public County? County { get; set; }
    public required string Title { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public string? Vision { get; set; }
    public string? ValuesText { get; set; }
    public string? Premises { get; set; }
    public string? Assignment { get; set; }
    /// <summary>Section 4's free text (vacancies, substitutes) next to the team table.</summary>
    public string? StaffNote { get; set; }
    /// <summary>Section 5's introduction, before the development areas (seed 004: the regional unit's role and the cooperation project).</summary>
    public string? AreasIntro { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<DevelopmentArea> Areas { get; set; } = [];
    public List<TeamMember> Team { get; set; } = [];
}

/// <summary>A development area (utvecklingsområde) with its partners, sub-goals, planned actions and yearly outcomes.</summary>
public class DevelopmentArea
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public ActivityPlan? Plan { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public List<AreaPartner> Partners { get; set; } = [];
    public List<SubGoal> SubGoals { get; set; } = [];
    public List<PlannedAction> Actions { get; set; } = [];
    public List<AreaOutcome> Outcomes { get; set; } = [];
    /// <summary>Cooperating regions (seed 002) that may read this area.</summary>
    public List<AreaShare> SharedWith { get; set; } = [];
    public List<TeamMemberArea> Responsible { get; set; } = [];
}

public enum PartnerKind
{
    Municipality,
    NationalLibrary,
    Region,
    University,
    Supplier,
    Other,
}

/// <summary>A partner (samverkanspart); a municipality or region partner may point at the reference row.</summary>
public class AreaPartner
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public DevelopmentArea? Area { get; set; }
    public PartnerKind Kind { get; set; }
    public required string Name { get; set; }
    public string? MunicipalityCode { get; set; }
    public Municipality? Municipality { get; set; }
    public string? CountyCode { get; set; }
    public County? County { get; set; }
    public int SortOrder { get; set; }
}

public class SubGoal
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public DevelopmentArea? Area { get; set; }
    public required string Text { get; set; }
    public int SortOrder { get; set; }
}

public enum PlannedActionStatus
{
    Planned,
    Ongoing,
    Done,
    Postponed,
    Cancelled,
}

/// <summary>
/// A planned action (aktivitet i planen) with a responsible team member, a status (postponed and cancelled need
/// a reason) and the months it is planned for (first day of the first and of the last month).
/// </summary>
public class PlannedAction
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public DevelopmentArea? Area { get; set; }
    public required string Text { get; set; }
    public int? ResponsibleId { get; set; }
    public TeamMember? Responsible { get; set; }
    public PlannedActionStatus Status { get; set; } = PlannedActionStatus.Planned;
    public string? StatusReason { get; set; }
    public DateOnly PlannedFrom { get; set; }
    public DateOnly PlannedTo { get; set; }
    public int SortOrder { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PlannedActionLink> Links { get; set; } = [];
}

/// <summary>
/// What carries an action out: an activity, a programme, an agreement or a self-assessment round, exactly one
/// per row (a CHECK in the database counts them).
/// </summary>
public class PlannedActionLink
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    public PlannedAction? Action { get; set; }
    public int? ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public int? ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public int? AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int? RoundId { get; set; }
    public AssessmentRound? Round { get; set; }
}

/// <summary>The outcome (utfall) of an area for a year: text with figure placeholders such as {{kommuner.nadda}}.</summary>
public class AreaOutcome
{
    public int Id { get; set; }
    public int AreaId { get; set; }
    public DevelopmentArea? Area { get; set; }
    public int Year { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public class AreaShare
{
    public int AreaId { get; set; }
    public DevelopmentArea? Area { get; set; }
    public required string CountyCode { get; set; }
    public County? County { get; set; }
}

/// <summary>A member of the regional unit's team (seed 004 section 4), optionally a person in the directory.</summary>
public class TeamMember
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public ActivityPlan? Plan { get; set; }
    public required string Name { get; set; }
    public int? PersonId { get; set; }
    public Person? Person { get; set; }
    /// <summary>The responsibility in the region's words ("Digital biblioteksutveckling, kvalitetsarbete …").</summary>
    public string? Responsibility { get; set; }
    public int SortOrder { get; set; }
    public List<EmploymentPeriod> Periods { get; set; } = [];
    public List<TeamMemberArea> Areas { get; set; } = [];
}

public class TeamMemberArea
{
    public int MemberId { get; set; }
    public TeamMember? Member { get; set; }
    public int AreaId { get; set; }
    public DevelopmentArea? Area { get; set; }
}

/// <summary>
/// What share of full time a member works from one month to another (first days of months; open-ended when
/// <see cref="ToMonth"/> is null). Leave is a period at 0 %. Where periods overlap, the one starting
/// latest applies: a leave laid over a full-year post is how the seed describes it.
/// </summary>
public class EmploymentPeriod
{
    public int Id { get; set; }
    public int MemberId { get; set; }
    public TeamMember? Member { get; set; }
    public DateOnly FromMonth { get; set; }
    public DateOnly? ToMonth { get; set; }
    public int Percent { get; set; }
    /// <summary>"Föräldraledig", "Projektanställd" …</summary>
    public string? Note { get; set; }
}
