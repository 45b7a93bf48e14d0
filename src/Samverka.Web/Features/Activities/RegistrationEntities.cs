using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Activities;

public enum RegistrationStatus
{
    Confirmed,
    Waiting,
    Cancelled,
}

/// <summary>
/// A person's registration (anmälan) for an activity. Waiting registrations are served in <see cref="Id"/>
/// order: the id is drawn while the activity's row lock is held, so it is the order of arrival. At most one non-cancelled registration per
/// person and activity (a partial unique index), so a double click registers once.
/// </summary>
public class ActivityRegistration
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public RegistrationStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When a waiting registration got a seat.</summary>
    public DateTimeOffset? PromotedAt { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>E-mail of the account that registered (the person, or their manager).</summary>
    public string? RegisteredBy { get; set; }
    /// <summary>SHA-256 of the self-service cancel link's token; the token itself exists only in the e-mail.</summary>
    public required string CancelTokenHash { get; set; }
    /// <summary>Whether the evaluation was answered: the answer itself is stored without a link to the person.</summary>
    public bool Evaluated { get; set; }
    public List<SessionAttendance> Attendance { get; set; } = [];
}

/// <summary>Attended or absent, per registration and session, marked by the organiser.</summary>
public class SessionAttendance
{
    public int RegistrationId { get; set; }
    public ActivityRegistration? Registration { get; set; }
    public int SessionId { get; set; }
    public ActivitySession? Session { get; set; }
    public bool Attended { get; set; }
    public DateTimeOffset MarkedAt { get; set; }
}

/// <summary>
/// An anonymous evaluation answer: no person, no registration, only the activity. Not audited: the audit
/// row would name the account that wrote it.
/// </summary>
[Samverka.Web.Infrastructure.NotAudited]
public class ActivityEvaluation
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public int Rating { get; set; }
    public string? Useful { get; set; }
    public string? Comment { get; set; }
    /// <summary>The date only: a precise time could tie the answer to the registration that was marked evaluated.</summary>
    public DateOnly SubmittedOn { get; set; }
}

/// <summary>
/// How many evaluation answers of an activity an organiser has read (the page shows them from
/// <see cref="EvaluationModel.MinAnswers"/> answers on): the start page counts activities with answers beyond that.
/// One row per account and activity; never which answers, so it says nothing about who answered.
/// </summary>
[Samverka.Web.Infrastructure.NotAudited]
public class EvaluationRead
{
    public required string UserId { get; set; }
    public int ActivityId { get; set; }
    public int AnswersRead { get; set; }
    public DateTimeOffset ReadAt { get; set; }
}
