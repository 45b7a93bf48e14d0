using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Programmes;

/// <summary>A programme (satsning), e.g. Digitalt först med användaren i fokus i Skåne 2018–2020.</summary>
public class Programme
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>Effect goals as the region wrote them (free text, one per line).</summary>
    public string? EffectGoals { get; set; }
    /// <summary>Measurable goal: every municipality of the programme's regions reached during the period.</summary>
    public bool GoalAllMunicipalitiesReached { get; set; }
    /// <summary>Where the data is known to be incomplete, said in the UI (e.g. enrolments the sources do not give).</summary>
    public string? DataNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint Version { get; set; }
    public List<ProgrammeRegion> Regions { get; set; } = [];
    public List<ProgrammeFunding> Funding { get; set; } = [];
    public List<ProgrammePartner> Partners { get; set; } = [];
    public List<Offering> Offerings { get; set; } = [];
    public List<ReferenceGroup> ReferenceGroups { get; set; } = [];
}

/// <summary>A region (county) the programme covers; coverage is counted over these counties' municipalities.</summary>
public class ProgrammeRegion
{
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public required string CountyCode { get; set; }
    public County? County { get; set; }
}

/// <summary>A funder's contribution for one year, in whole kronor (seed 004: KB 440 000 kr).</summary>
public class ProgrammeFunding
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public required string Funder { get; set; }
    public int Year { get; set; }
    public long AmountSek { get; set; }
}

/// <summary>A partner library with the themes of its cooperation (seed 003: Helsingborg, Kristianstad, Lund, Malmö).</summary>
public class ProgrammePartner
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public int LibraryId { get; set; }
    public Library? Library { get; set; }
    public string? Themes { get; set; }
}

/// <summary>
/// An offering (paket) of a programme with its eligibility rule: open to all, or limited to
/// municipalities of at most <see cref="MaxPopulation"/> inhabitants by SCB's figure for
/// <see cref="PopulationYear"/>, optionally only in one county; exceptions are admitted by decision.
/// </summary>
public class Offering
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
    public int? MaxPopulation { get; set; }
    /// <summary>2019 or 2024: the years the reference data holds.</summary>
    public int? PopulationYear { get; set; }
    public string? CountyCode { get; set; }
    public List<EligibilityException> Exceptions { get; set; } = [];
    public List<Enrolment> Enrolments { get; set; } = [];
}

/// <summary>A municipality admitted to an offering despite the rule, with the decision's reason.</summary>
public class EligibilityException
{
    public int Id { get; set; }
    public int OfferingId { get; set; }
    public Offering? Offering { get; set; }
    public required string MunicipalityCode { get; set; }
    public Municipality? Municipality { get; set; }
    public required string Reason { get; set; }
    public DateOnly? DecidedOn { get; set; }
}

/// <summary>A municipality taking an offering in a year (one per offering, municipality and year).</summary>
public class Enrolment
{
    public int Id { get; set; }
    public int OfferingId { get; set; }
    public Offering? Offering { get; set; }
    public required string MunicipalityCode { get; set; }
    public Municipality? Municipality { get; set; }
    public int Year { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A programme's reference group for one year.</summary>
public class ReferenceGroup
{
    public int Id { get; set; }
    public int ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public int Year { get; set; }
    public List<ReferenceGroupMember> Members { get; set; } = [];
}

/// <summary>
/// A member: a municipality's library (the library and the person may be unknown: seed 003 names
/// only the municipalities), or a non-municipal member such as Digiteket's national representative.
/// Exactly one of <see cref="MunicipalityCode"/> and <see cref="ExternalName"/> is set.
/// </summary>
public class ReferenceGroupMember
{
    public int Id { get; set; }
    public int ReferenceGroupId { get; set; }
    public ReferenceGroup? ReferenceGroup { get; set; }
    public string? MunicipalityCode { get; set; }
    public Municipality? Municipality { get; set; }
    public int? LibraryId { get; set; }
    public Library? Library { get; set; }
    public string? RepresentativeName { get; set; }
    public string? ExternalName { get; set; }
}
