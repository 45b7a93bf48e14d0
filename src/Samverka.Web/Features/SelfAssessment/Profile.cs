namespace Samverka.Web.Features.SelfAssessment;

/// <summary>A respondent's own profile, computed from the answers just given; never stored as such.</summary>
public sealed record Profile(IReadOnlyList<(DigCompArea Area, double Mean)> Areas, IReadOnlyList<(DigCompCompetence Competence, double Mean)> Competences)
{
    public DigCompArea Strongest => Areas.OrderByDescending(a => a.Mean).ThenBy(a => a.Area.Number).First().Area;

    /// <summary>The two areas with the lowest means (ties by area order): the ones the activities are chosen for.</summary>
    public IReadOnlyList<DigCompArea> Weakest => Areas.OrderBy(a => a.Mean).ThenBy(a => a.Area.Number).Take(2).Select(a => a.Area).ToList();

    /// <param name="scores">Score per statement, with the statement's competence code.</param>
    public static Profile From(IReadOnlyList<(string Competence, int Score)> scores)
    {
        var areas = DigComp.Areas
            .Select(a => (a, scores.Where(s => s.Competence[0] - '0' == a.Number).Select(s => (double)s.Score).DefaultIfEmpty().Average()))
            .ToList();
        var competences = DigComp.Competences.Where(c => scores.Any(s => s.Competence == c.Code))
            .Select(c => (c, scores.Where(s => s.Competence == c.Code).Average(s => (double)s.Score))).ToList();
        return new Profile(areas, competences);
    }

    /// <summary>The profile in words, e.g. "Säkerhet: din starkaste sida".</summary>
    public IEnumerable<string> InWords()
    {
        yield return $"{Strongest.Name}: din starkaste sida.";
        foreach (var w in Weakest.Where(w => w != Strongest))
            yield return $"{w.Name}: ett område att utveckla.";
    }
}
