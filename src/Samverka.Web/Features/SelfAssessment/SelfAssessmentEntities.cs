using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>
/// A versioned self-assessment instrument (a set of statements). Once a round uses it, it is
/// immutable (page check and a trigger in 0007): a change is a new version.
/// </summary>
public class AssessmentInstrument
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int VersionNumber { get; set; }
    public int? BasedOnId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<AssessmentItem> Items { get; set; } = [];
}

/// <summary>One statement, tied to exactly one DigComp 2.2 competence ("4.2").</summary>
public class AssessmentItem
{
    public int Id { get; set; }
    public int InstrumentId { get; set; }
    public AssessmentInstrument? Instrument { get; set; }
    public int SortOrder { get; set; }
    public required string CompetenceCode { get; set; }
    public required string Text { get; set; }
}

/// <summary>
/// A round (mätomgång) for one region: open from <see cref="OpensOn"/> to <see cref="ClosesOn"/>
/// (Stockholm dates, inclusive) unless closed early. The regional link lets respondents pick their
/// municipality; <see cref="AssessmentLink"/> rows are the links per library.
/// </summary>
public class AssessmentRound
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string CountyCode { get; set; }
    public County? County { get; set; }
    public int InstrumentId { get; set; }
    public AssessmentInstrument? Instrument { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public bool ClosedEarly { get; set; }
    public required string RegionalToken { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<AssessmentLink> Links { get; set; } = [];
}

/// <summary>A library's own answer link for a round: an unguessable token fixes the library and municipality.</summary>
public class AssessmentLink
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public AssessmentRound? Round { get; set; }
    public int LibraryId { get; set; }
    public Library? Library { get; set; }
    public required string Token { get; set; }
}

/// <summary>
/// An anonymous response. By design it holds no person, account, IP address, user agent or time:
/// only the round (whose period is the only time), the background answers and the scores. The key
/// is a random UUID so that it carries no insertion order. Not audited: an audit row would add the
/// time and the signed-in user, which is exactly the link this table must not have.
/// </summary>
[NotAudited]
public class AssessmentResponse
{
    public Guid Id { get; set; }
    public int RoundId { get; set; }
    public AssessmentRound? Round { get; set; }
    public required string MunicipalityCode { get; set; }
    public int? LibraryId { get; set; }
    public required string JobTitle { get; set; }
    public required string YearsBand { get; set; }
    public required string OrganisationSize { get; set; }
    /// <summary>
    /// Sum and number of the scores per DigComp competence (21, in <see cref="DigComp.Competences"/>
    /// order), kept with the response so that aggregates read one row per response, not one per score.
    /// </summary>
    public short[] CompetenceSums { get; set; } = [];
    public short[] CompetenceCounts { get; set; } = [];
    public List<AssessmentScore> Scores { get; set; } = [];

    /// <summary>Sets the scores and the per-competence sums from (item, competence, score).</summary>
    public AssessmentResponse WithScores(IEnumerable<(int ItemId, string Competence, int Score)> scores)
    {
        var list = scores.ToList();
        Scores = list.Select(s => new AssessmentScore { ItemId = s.ItemId, Score = (short)s.Score }).ToList();
        var codes = DigComp.Competences.Select(c => c.Code).ToList();
        CompetenceSums = codes.Select(c => (short)list.Where(s => s.Competence == c).Sum(s => s.Score)).ToArray();
        CompetenceCounts = codes.Select(c => (short)list.Count(s => s.Competence == c)).ToArray();
        return this;
    }
}

[NotAudited]
public class AssessmentScore
{
    public Guid ResponseId { get; set; }
    public AssessmentResponse? Response { get; set; }
    public int ItemId { get; set; }
    public AssessmentItem? Item { get; set; }
    public short Score { get; set; }
}

/// <summary>
/// A signed-in respondent's "done" mark: round and account only, no time, no key of its own and no
/// reference to the response. Not audited, because an audit row's time could be matched against
/// the moment a response arrived.
/// </summary>
[NotAudited]
public class AssessmentDoneMark
{
    public int RoundId { get; set; }
    public required string UserId { get; set; }
}
