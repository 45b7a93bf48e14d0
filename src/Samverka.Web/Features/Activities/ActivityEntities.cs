using Samverka.Web.Features.Directory;

using Samverka.Web.Features.Themes;
using Samverka.Web.Features.Programmes;

namespace Samverka.Web.Features.Activities;

/// <summary>The kinds of competence-development activity (kompetensutvecklingsinsats) the seeds name.</summary>
public enum ActivityKind
{
    Seminarium,
    Kurs,
    Workshop,
    Forelasning,
    Studiebesok,
    Kompetensdag,
    Natverkstraff,
    Webbinarium,
}

public enum ActivityStatus
{
    Draft,
    Published,
    Cancelled,
}

/// <summary>
/// A competence-development activity with one or more sessions. <see cref="CountyCode"/> is the region
/// whose calendar and feed it belongs to; when a library runs it, <see cref="OrganiserLibraryId"/> is set,
/// and <see cref="RegionFunded"/> activities must be open to staff of other libraries (seeds 000, 001).
/// </summary>
public class Activity
{
    public int Id { get; set; }
    /// <summary>Stable identity for calendar feeds (iCalendar UID), never reused.</summary>
    public Guid Uid { get; set; }
    public required string Title { get; set; }
    public ActivityKind Kind { get; set; }
    public string? Description { get; set; }
    public string? TargetGroup { get; set; }
    public required string CountyCode { get; set; }
    public County? County { get; set; }
    public int? OrganiserLibraryId { get; set; }
    public Library? OrganiserLibrary { get; set; }
    public bool RegionFunded { get; set; }
    public bool OpenToOtherLibraries { get; set; } = true;
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    public int Capacity { get; set; }
    public DateTimeOffset? RegistrationOpensAt { get; set; }
    public DateTimeOffset? RegistrationClosesAt { get; set; }
    public int? ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    /// <summary>The development area (utvecklingsområde) of a regional activity plan it serves, as text (seed 004).</summary>
    public string? DevelopmentArea { get; set; }
    public ActivityStatus Status { get; set; } = ActivityStatus.Published;
    public string? CancellationReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>PostgreSQL's xmin: a save from a stale form is refused.</summary>
    public uint Version { get; set; }
    public List<ActivitySession> Sessions { get; set; } = [];
    public List<ActivityTheme> Themes { get; set; } = [];
    public List<ActivityOrganiser> CoOrganisers { get; set; } = [];
}

/// <summary>One session of an activity: a date with local (Europe/Stockholm) start and end times.</summary>
public class ActivitySession
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly StartTime { get; set; }
    public TimeOnly EndTime { get; set; }
}

public class ActivityTheme
{
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public int ThemeId { get; set; }
    public Theme? Theme { get; set; }
}

/// <summary>
/// A co-organiser: a library, a region (county), or an outside partner such as a university.
/// Exactly one of <see cref="LibraryId"/>, <see cref="CountyCode"/> and <see cref="PartnerName"/> is set.
/// </summary>
public class ActivityOrganiser
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public int? LibraryId { get; set; }
    public Library? Library { get; set; }
    public string? CountyCode { get; set; }
    public County? County { get; set; }
    public string? PartnerName { get; set; }
}

