namespace Samverka.Web.Features.Directory.Kb;

/// <summary>
/// Samverka's own small KB files (Samples/*.json, written for the demo and the tests, never fetched): the demo's
/// libraries with clearly fictional sigels (EX-…) and fictional libraries covering every type code, a branch, a
/// foreign record, records without or with an unknown municipality, a changed address and a name match;
/// bibdb-dubblett.json has a duplicate sigel (refused); bibstat-exempel.json has staff figures for 2019 and 2022.
/// </summary>
public static class KbSamples
{
    public const string Register = "bibdb-exempel.json";
    public const string DuplicateSigel = "bibdb-dubblett.json";
    public const string Statistics = "bibstat-exempel.json";

    public static byte[] Read(string name)
    {
        using var stream = typeof(KbSamples).Assembly.GetManifestResourceStream("Samverka.KbSamples." + name)
            ?? throw new ArgumentException($"No sample {name}", nameof(name));
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }
}
