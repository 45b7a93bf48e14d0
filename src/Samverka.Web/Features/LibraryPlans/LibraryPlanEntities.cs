using Samverka.Web.Features.Directory;

using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>
/// A library plan (biblioteksplan): a municipality's, or a region's own plan (exactly one of
/// <see cref="MunicipalityCode"/> and <see cref="CountyCode"/> is set). A municipality may have several
/// plans, overlapping or with gaps; the rules in PlanRules look at all of them.
/// </summary>
public class LibraryPlan
{
    public int Id { get; set; }
    public string? MunicipalityCode { get; set; }
    public Municipality? Municipality { get; set; }
    /// <summary>Set for a region's (county's) own plan.</summary>
    public string? CountyCode { get; set; }
    public County? County { get; set; }
    public required string Title { get; set; }
    /// <summary>The body that adopted it, e.g. "Kommunfullmäktige".</summary>
    public string? AdoptedBy { get; set; }
    public DateOnly? AdoptedOn { get; set; }
    /// <summary>Null when only the end is known (a survey answer "expires 2019"): in force since before anything recorded.</summary>
    public DateOnly? ValidFrom { get; set; }
    /// <summary>Last day in force; a period given in years ends on 31 December.</summary>
    public DateOnly ValidTo { get; set; }
    public string? Url { get; set; }
    public int? FileId { get; set; }
    public StoredFile? File { get; set; }
    public bool CoversSchoolLibraries { get; set; }
    /// <summary>When the plan was reported to the register.</summary>
    public DateOnly? ReportedOn { get; set; }
    /// <summary>Where the record comes from when it is not the plan itself (e.g. a survey answer).</summary>
    public string? SourceNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
}

/// <summary>The kinds of reminder sent before and when a plan stops being in force.</summary>
public static class PlanReminderKinds
{
    public const string YearBefore = "year";
    public const string SixMonthsBefore = "six-months";
    public const string Expired = "expired";
}

/// <summary>
/// A reminder that has been queued: the unique index (plan, kind, end date) makes it go out once, even
/// when two instances run the reminder job at the same time. A plan whose end date changes is reminded anew.
/// </summary>
public class PlanReminder
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public LibraryPlan? Plan { get; set; }
    public required string Kind { get; set; }
    public DateOnly ValidTo { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
}

/// <summary>A region's survey of its municipalities' library plans (seed 004 section 5.1.3).</summary>
public class PlanSurvey
{
    public int Id { get; set; }
    public required string CountyCode { get; set; }
    public County? County { get; set; }
    public int Year { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public string? SentBy { get; set; }
    public List<PlanSurveyResponse> Responses { get; set; } = [];
}

/// <summary>
/// One municipality's answer to a survey, reached through a link with a random token (only its hash is
/// stored). An answer changes the register only when a coordinator confirms it.
/// </summary>
public class PlanSurveyResponse
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public PlanSurvey? Survey { get; set; }
    public required string MunicipalityCode { get; set; }
    public Municipality? Municipality { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public bool? HasPlan { get; set; }
    public int? ExpiresYear { get; set; }
    public bool? NewPlanInProgress { get; set; }
    public bool? WantsJointWork { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public string? ConfirmedBy { get; set; }
}
