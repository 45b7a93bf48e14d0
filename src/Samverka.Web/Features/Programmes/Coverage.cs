using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes;

/// <summary>"N av M kommuner nådda" for one line (the whole programme, an offering or the reference groups).</summary>
public sealed record CoverageLine(string Label, int? OfferingId, IReadOnlyList<RegionMunicipality> Reached, IReadOnlyList<RegionMunicipality> NotReached)
{
    public int Total => Reached.Count + NotReached.Count;
    public string Text => $"{Reached.Count} av {Total} kommuner nådda";
}

/// <param name="GoalMet">Null when the programme has no coverage goal.</param>
public sealed record CoverageReport(CoverageLine Programme, IReadOnlyList<CoverageLine> Offerings, CoverageLine ReferenceGroups, bool? GoalMet);

/// <summary>
/// Which of the region's municipalities the programme reached during its period: by an enrolment in
/// an offering or a seat in a reference group (municipal members; external members reach no
/// municipality). Computed from the records only — the prose's "alla 33" is not taken on trust.
/// </summary>
public static class Coverage
{
    public static CoverageReport Compute(ProgrammeFacts facts)
    {
        var offerings = facts.Programme.Offerings.OrderBy(o => o.SortOrder).ThenBy(o => o.Name)
            .Select(o => Line(facts, o.Name, o.Id, o.Enrolments.Where(e => facts.InPeriod(e.Year)).Select(e => e.MunicipalityCode)))
            .ToList();
        var groups = Line(facts, "Referensgruppen", null, facts.Programme.ReferenceGroups.Where(g => facts.InPeriod(g.Year))
            .SelectMany(g => g.Members).Where(m => m.MunicipalityCode is not null).Select(m => m.MunicipalityCode!));
        var all = Line(facts, "Hela satsningen", null, offerings.Concat([groups]).SelectMany(l => l.Reached).Select(m => m.Code));
        bool? goal = facts.Programme.GoalAllMunicipalitiesReached ? all.NotReached.Count == 0 && all.Total > 0 : null;
        return new CoverageReport(all, offerings, groups, goal);
    }

    private static CoverageLine Line(ProgrammeFacts facts, string label, int? offeringId, IEnumerable<string> codes)
    {
        var reached = codes.ToHashSet();
        var byName = facts.Region.OrderBy(m => m.Name, SwedishText.Order).ToList();
        return new CoverageLine(label, offeringId, byName.Where(m => reached.Contains(m.Code)).ToList(), byName.Where(m => !reached.Contains(m.Code)).ToList());
    }
}
