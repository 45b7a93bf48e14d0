using Samverka.Web.Features.Directory;

using Samverka.Web.Features.Activities;
using Samverka.Web.Features.Programmes;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.ActivityPlans;
using Samverka.Web.Features.Themes;

namespace Samverka.Web.Features.Needs;

/// <summary>Where a need was found (seeds 000–002, 004). Stored as text; no link to tables of other features.</summary>
public enum NeedSource
{
    Library,
    BibblanSvarar,
    Digiteket,
    ReferenceGroup,
    SelfAssessment,
    EnvironmentalScan,
    AgreementArea,
}

/// <summary>
/// A need (behov) raised by anyone signed in. A duplicate is merged into another need: it keeps its row
/// (so links to it still resolve) with <see cref="MergedIntoId"/> set, and its supporters and votes move.
/// </summary>
public class Need
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public int? ThemeId { get; set; }
    public Theme? Theme { get; set; }
    /// <summary>Who is affected: libraries, municipalities, staff groups (free text).</summary>
    public string? AffectedGroups { get; set; }
    public NeedSource Source { get; set; }
    /// <summary>Which library, round or agreement area, in words.</summary>
    public string? SourceDetail { get; set; }
    public string? Evidence { get; set; }
    /// <summary>The region the need was raised in; null for national needs.</summary>
    public string? CountyCode { get; set; }
    public County? County { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int? MergedIntoId { get; set; }
    public Need? MergedInto { get; set; }
    public List<NeedSupporter> Supporters { get; set; } = [];
    public List<NeedActivity> Activities { get; set; } = [];
    public List<NeedOffering> Offerings { get; set; } = [];
    public List<NeedAgreement> Agreements { get; set; } = [];
    public List<NeedPlanAction> PlanActions { get; set; } = [];
}

/// <summary>A signed-in user who supports a need, once per need.</summary>
public class NeedSupporter
{
    public int NeedId { get; set; }
    public Need? Need { get; set; }
    /// <summary>The account's e-mail, lower case.</summary>
    public required string UserEmail { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An activity that answers a need, and whether its outcome met it (null: not yet judged).</summary>
public class NeedActivity
{
    public int NeedId { get; set; }
    public Need? Need { get; set; }
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public bool? Met { get; set; }
}

/// <summary>A programme offering that answers a need, and whether its outcome met it.</summary>
public class NeedOffering
{
    public int NeedId { get; set; }
    public Need? Need { get; set; }
    public int OfferingId { get; set; }
    public Offering? Offering { get; set; }
    public bool? Met { get; set; }
}

/// <summary>A cooperation agreement that answers a need (e.g. a need raised from an agreement's area).</summary>
public class NeedAgreement
{
    public int NeedId { get; set; }
    public Need? Need { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public bool? Met { get; set; }
}

/// <summary>A planned action of a region's activity plan that answers a need.</summary>
public class NeedPlanAction
{
    public int NeedId { get; set; }
    public Need? Need { get; set; }
    public int PlannedActionId { get; set; }
    public PlannedAction? PlannedAction { get; set; }
    public bool? Met { get; set; }
}

/// <summary>
/// A priority round over a set of needs for one region or several cooperating regions (seed 002:
/// Kalmar, Blekinge, Kronoberg). Participants are signed-in users of those regions; each distributes
/// <see cref="PointsPerParticipant"/> points once. Closing stores the ranks; the top <see cref="TopCount"/> become priorities.
/// </summary>
public class PriorityRound
{
    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>The period the priorities are for, e.g. "2011–2013".</summary>
    public string? Period { get; set; }
    public int PointsPerParticipant { get; set; }
    public int TopCount { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Said in the UI when the result was recorded from a source rather than voted here.</summary>
    public string? ResultNote { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<PriorityRoundRegion> Regions { get; set; } = [];
    public List<PriorityRoundNeed> Needs { get; set; } = [];
}

public class PriorityRoundRegion
{
    public int RoundId { get; set; }
    public PriorityRound? Round { get; set; }
    public required string CountyCode { get; set; }
    public County? County { get; set; }
}

/// <summary>A need in a round; <see cref="Rank"/> is set when the round closes.</summary>
public class PriorityRoundNeed
{
    public int RoundId { get; set; }
    public PriorityRound? Round { get; set; }
    public int NeedId { get; set; }
    public Need? Need { get; set; }
    public int? Rank { get; set; }
    public bool IsPriority { get; set; }
}

/// <summary>One participant's ballot in a round: unique per (round, user), so a vote cannot be cast twice.</summary>
public class PriorityBallot
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public PriorityRound? Round { get; set; }
    public required string UserEmail { get; set; }
    public DateTimeOffset CastAt { get; set; }
    public List<PriorityPoints> Points { get; set; } = [];
}

public class PriorityPoints
{
    public int BallotId { get; set; }
    public PriorityBallot? Ballot { get; set; }
    public int NeedId { get; set; }
    public Need? Need { get; set; }
    public int Points { get; set; }
}
