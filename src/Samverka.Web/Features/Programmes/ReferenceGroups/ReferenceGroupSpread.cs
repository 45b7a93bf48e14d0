namespace Samverka.Web.Features.Programmes.ReferenceGroups;

public enum SizeClass { Under15000, From15000To30000, From30000To100000, Over100000 }

/// <summary>A region municipality placed in a size class (by the chosen population year) and a quadrant.</summary>
public sealed record Placement(RegionMunicipality Municipality, int Population, SizeClass Size, Quadrant Quadrant);

/// <summary>One row of the spread table: how many members fall in a class or quadrant, per year, against the region.</summary>
public sealed record SpreadRow(string Label, int RegionCount, IReadOnlyDictionary<int, int> PerYear);

/// <summary>
/// The spread of reference groups over municipality size classes and over the region's quadrants,
/// against the region's own totals (seed 003: "spridning vad gäller såväl storlek … som geografisk spridning").
/// </summary>
public static class ReferenceGroupSpread
{
    /// <summary>Current SCB figures unless the caller says otherwise (the reference data holds 2019 and 2024).</summary>
    public const int DefaultPopulationYear = 2024;

    /// <summary>&lt; 15 000; 15 000–29 999; 30 000–100 000; &gt; 100 000 inhabitants.</summary>
    public static SizeClass ClassOf(int population) => population switch
    {
        < 15_000 => SizeClass.Under15000,
        < 30_000 => SizeClass.From15000To30000,
        <= 100_000 => SizeClass.From30000To100000,
        _ => SizeClass.Over100000,
    };

    public static string Label(SizeClass c) => c switch
    {
        SizeClass.Under15000 => "under 15 000 invånare",
        SizeClass.From15000To30000 => "15 000–30 000 invånare",
        SizeClass.From30000To100000 => "30 000–100 000 invånare",
        _ => "över 100 000 invånare",
    };

    /// <summary>The words the composer's reasons use: "liten kommun i sydost".</summary>
    public static string Noun(SizeClass c) => c switch
    {
        SizeClass.Under15000 => "liten kommun",
        SizeClass.From15000To30000 => "mellanstor kommun",
        SizeClass.From30000To100000 => "större kommun",
        _ => "stor kommun",
    };

    public static IReadOnlyList<Placement> Place(IReadOnlyList<RegionMunicipality> region, int populationYear)
    {
        var quadrants = MunicipalityGeography.Quadrants(region.Select(m => m.Code));
        return region.Where(m => quadrants.ContainsKey(m.Code))
            .Select(m => new Placement(m, m.PopulationIn(populationYear), ClassOf(m.PopulationIn(populationYear)), quadrants[m.Code]))
            .ToList();
    }

    /// <summary>Rows for the four size classes, then the four quadrants; members outside the region are not counted.</summary>
    public static IReadOnlyList<SpreadRow> Table(IReadOnlyList<Placement> region, IReadOnlyDictionary<int, IReadOnlyCollection<string>> membersByYear)
    {
        var byCode = region.ToDictionary(p => p.Municipality.Code);
        SpreadRow Row(string label, Func<Placement, bool> match) => new(label, region.Count(match),
            membersByYear.ToDictionary(y => y.Key, y => y.Value.Distinct().Count(c => byCode.TryGetValue(c, out var p) && match(p))));
        return
        [
            .. Enum.GetValues<SizeClass>().Select(c => Row(Capitalise(Label(c)), p => p.Size == c)),
            .. Enum.GetValues<Quadrant>().Select(q => Row(Capitalise(MunicipalityGeography.Label(q)), p => p.Quadrant == q)),
        ];
    }

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
