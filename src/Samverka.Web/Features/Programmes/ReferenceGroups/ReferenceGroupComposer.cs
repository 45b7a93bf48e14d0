using System.Globalization;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes.ReferenceGroups;

/// <summary>A proposed member with the reason, in Swedish, why it was picked.</summary>
public sealed record ProposedMember(Placement Placement, string Reason);

/// <summary>
/// Proposes a reference group for a year: the standing partner libraries' municipalities first; then
/// municipalities never in a group before that year; then those who sat longest ago. Within each tier
/// the next pick is from the least-represented size class × quadrant cell (then the least-represented
/// class, then quadrant), so the group spreads over both — a round-robin over the emptiest cells.
/// Ties go by name and code, so the same data always gives the same proposal.
/// </summary>
public static class ReferenceGroupComposer
{
    private static readonly StringComparer Swedish = SwedishText.Order;

    /// <param name="region">The region's municipalities, placed.</param>
    /// <param name="partnerMunicipalities">Kept in every group.</param>
    /// <param name="membersByYear">Municipal members of earlier groups; years from <paramref name="year"/> on are ignored.</param>
    public static IReadOnlyList<ProposedMember> Propose(IReadOnlyList<Placement> region, IReadOnlySet<string> partnerMunicipalities,
        IReadOnlyDictionary<int, IReadOnlyCollection<string>> membersByYear, int year, int size)
    {
        var lastSat = membersByYear.Where(y => y.Key < year)
            .SelectMany(y => y.Value.Select(code => (code, y.Key)))
            .GroupBy(x => x.code).ToDictionary(g => g.Key, g => g.Max(x => x.Key));
        var picks = new List<ProposedMember>();
        foreach (var p in region.Where(p => partnerMunicipalities.Contains(p.Municipality.Code)).OrderBy(p => p.Municipality.Name, Swedish))
            picks.Add(new(p, $"Samarbetsbibliotek, står kvar varje år; {Describe(p)}"));

        var rest = region.Where(p => !partnerMunicipalities.Contains(p.Municipality.Code)).ToList();
        while (picks.Count < size && rest.Count > 0)
        {
            var next = rest
                .OrderBy(p => lastSat.ContainsKey(p.Municipality.Code) ? 1 : 0)
                .ThenBy(p => picks.Count(x => x.Placement.Size == p.Size && x.Placement.Quadrant == p.Quadrant))
                .ThenBy(p => picks.Count(x => x.Placement.Size == p.Size))
                .ThenBy(p => picks.Count(x => x.Placement.Quadrant == p.Quadrant))
                .ThenBy(p => lastSat.GetValueOrDefault(p.Municipality.Code))
                .ThenBy(p => p.Municipality.Name, Swedish)
                .ThenBy(p => p.Municipality.Code, StringComparer.Ordinal)
                .First();
            rest.Remove(next);
            var history = lastSat.TryGetValue(next.Municipality.Code, out var last) ? $"Deltog senast {last}" : "Aldrig deltagit";
            picks.Add(new(next, $"{history}; {Describe(next)}"));
        }
        return picks;
    }

    private static string Describe(Placement p) => $"{ReferenceGroupSpread.Noun(p.Size)} i {MunicipalityGeography.Label(p.Quadrant)}";
}
