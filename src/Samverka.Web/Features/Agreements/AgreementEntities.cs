using Samverka.Web.Features.Themes;

using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Programmes;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Activities;

namespace Samverka.Web.Features.Agreements;

/// <summary>The lifecycle as shown; computed from the dates (<see cref="Samverka.Web.Features.Agreements.AgreementRules.StatusOn"/>), never stored.</summary>
public enum AgreementStatus
{
    Draft,
    Signed,
    InForce,
    Ended,
    Terminated,
}

/// <summary>
/// A cooperation agreement (överenskommelse om samarbete) between a region's administration and one or
/// more libraries or municipalities, in the seeds' sections. An amendment is a new row with
/// <see cref="AmendsAgreementId"/> pointing at the first version, so every version stays readable.
/// </summary>
public class Agreement
{
    public int Id { get; set; }
    public required string Title { get; set; }
    /// <summary>Diarienummer, e.g. 2019-000153; unique per region among first versions (seed 000 has none).</summary>
    public string? RegistryNumber { get; set; }
    public required string CountyCode { get; set; }
    public County? County { get; set; }
    public int? ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    /// <summary>Months between follow-ups (avstämning): 6 = half-yearly, as in both seeds.</summary>
    public int FollowUpIntervalMonths { get; set; } = 6;
    /// <summary>Inledning och syfte.</summary>
    public string? Purpose { get; set; }
    /// <summary>Bakgrund: paragraphs separated by blank lines.</summary>
    public string? Background { get; set; }
    /// <summary>Samverkansområden: the text before the list of areas.</summary>
    public string? AreasIntro { get; set; }
    /// <summary>Avstämning.</summary>
    public string? FollowUpText { get; set; }
    /// <summary>Where the agreement was signed ("Malmö"); with <see cref="SignedOn"/> set when signing.</summary>
    public string? SignedPlace { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? TerminatedOn { get; set; }
    public string? TerminationReason { get; set; }
    /// <summary>The first version this one amends (null for a first version).</summary>
    public int? AmendsAgreementId { get; set; }
    public Agreement? Amends { get; set; }
    public int VersionNumber { get; set; } = 1;
    public int? SignedFileId { get; set; }
    public StoredFile? SignedFile { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>PostgreSQL's xmin: a save from a stale form is refused.</summary>
    public uint Version { get; set; }
    public List<AgreementParty> Parties { get; set; } = [];
    public List<SteeringDocument> SteeringDocuments { get; set; } = [];
    public List<CooperationArea> Areas { get; set; } = [];
    public List<AgreementFollowUp> FollowUps { get; set; } = [];
    public List<ProjectAgreement> ProjectAgreements { get; set; } = [];
}

/// <summary>
/// A party: the region's administration (no library or municipality), a library, or a municipality;
/// with a contact person (who gets the follow-up reminders) and, once signed, the signature.
/// </summary>
public class AgreementParty
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int SortOrder { get; set; }
    /// <summary>As the agreement names it, e.g. "Biblioteken i Malmö".</summary>
    public required string Name { get; set; }
    public int? LibraryId { get; set; }
    public Library? Library { get; set; }
    public string? MunicipalityCode { get; set; }
    public Municipality? Municipality { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? SignatoryName { get; set; }
    public string? SignatoryTitle { get; set; }
    /// <summary>The line under the signature, e.g. "För Malmö stadsbibliotek".</summary>
    public string? SignedFor { get; set; }
}

/// <summary>A steering document the background refers to, e.g. Regional biblioteksplan 2017-2020 Region Skåne.</summary>
public class SteeringDocument
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int SortOrder { get; set; }
    public required string Title { get; set; }
    public int? FromYear { get; set; }
    public int? ToYear { get; set; }
}

/// <summary>A cooperation area (samverkansområde) with its numbered needs (one per line) and themes.</summary>
public class CooperationArea
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int SortOrder { get; set; }
    public required string Text { get; set; }
    public string? Needs { get; set; }
    public List<CooperationAreaTheme> Themes { get; set; } = [];

    public IEnumerable<string> NeedList => (Needs ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public class CooperationAreaTheme
{
    public int CooperationAreaId { get; set; }
    public CooperationArea? Area { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
}

/// <summary>A scheduled follow-up (avstämning); recorded when <see cref="HeldOn"/> is set.</summary>
public class AgreementFollowUp
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? HeldOn { get; set; }
    public string? Participants { get; set; }
    public string? Notes { get; set; }
    public string? Decisions { get; set; }
    public List<FollowUpAreaProgress> Progress { get; set; } = [];
}

public enum AreaProgress
{
    Yes,
    Partly,
    No,
}

/// <summary>Whether a cooperation area progressed since the last follow-up.</summary>
public class FollowUpAreaProgress
{
    public int FollowUpId { get; set; }
    public AgreementFollowUp? FollowUp { get; set; }
    public int CooperationAreaId { get; set; }
    public CooperationArea? Area { get; set; }
    public AreaProgress Progress { get; set; }
}

public enum ReminderKind
{
    /// <summary>Two weeks before the due date.</summary>
    Upcoming,
    /// <summary>The due date has passed without a recorded follow-up.</summary>
    Overdue,
}

/// <summary>
/// That a reminder was queued: the unique index (follow_up_id, kind) makes it once and only once, even
/// when several instances run the reminder loop at the same time.
/// </summary>
public class FollowUpReminder
{
    public int Id { get; set; }
    public int FollowUpId { get; set; }
    public AgreementFollowUp? FollowUp { get; set; }
    public ReminderKind Kind { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
}

/// <summary>A specific project agreement (särskilt avtal) under an agreement, and the activities it funds.</summary>
public class ProjectAgreement
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public required string Title { get; set; }
    public string? Goals { get; set; }
    public string? Purpose { get; set; }
    public long? FundingAmountSek { get; set; }
    public string? FundingSource { get; set; }
    public int? FundingYear { get; set; }
    public string? Implementation { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ProjectAgreementActivity> Activities { get; set; } = [];
}

public class ProjectAgreementActivity
{
    public int ProjectAgreementId { get; set; }
    public ProjectAgreement? ProjectAgreement { get; set; }
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
}
