using System.Text.Json;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Programmes.ReferenceGroups;

public enum Quadrant { NV, NO, SV, SO }

/// <summary>
/// Centroids of the municipalities from the shipped boundaries (Data/Reference/municipalities.geojson),
/// and the split of a region's municipalities into quadrants around the region's centre.
/// </summary>
public static class MunicipalityGeography
{
    private static readonly Lazy<IReadOnlyDictionary<string, (double Lon, double Lat)>> Loaded =
        new(() => Read(Path.Combine(ReferenceData.Directory, "municipalities.geojson")));

    public static IReadOnlyDictionary<string, (double Lon, double Lat)> Centroids => Loaded.Value;

    public static string Label(Quadrant q) => q switch
    {
        Quadrant.NV => "nordväst",
        Quadrant.NO => "nordost",
        Quadrant.SV => "sydväst",
        _ => "sydost",
    };

    /// <summary>
    /// The region's centre is the plain mean of its municipalities' centroids, not the area-weighted
    /// centre: the split is about spreading a group over municipalities, so each municipality counts
    /// once and a few large rural ones do not pull the centre towards them. On the line: north, east.
    /// </summary>
    public static IReadOnlyDictionary<string, Quadrant> Quadrants(IEnumerable<string> codes)
    {
        var points = codes.Where(Centroids.ContainsKey).ToDictionary(c => c, c => Centroids[c]);
        if (points.Count == 0) return new Dictionary<string, Quadrant>();
        var (lon0, lat0) = (points.Values.Average(p => p.Lon), points.Values.Average(p => p.Lat));
        return points.ToDictionary(p => p.Key, p => (p.Value.Lat >= lat0, p.Value.Lon >= lon0) switch
        {
            (true, false) => Quadrant.NV,
            (true, true) => Quadrant.NO,
            (false, false) => Quadrant.SV,
            _ => Quadrant.SO,
        });
    }

    private static Dictionary<string, (double, double)> Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new Dictionary<string, (double, double)>();
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var code = feature.GetProperty("properties").GetProperty("code").GetString()!;
            var geometry = feature.GetProperty("geometry");
            var coordinates = geometry.GetProperty("coordinates");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? coordinates.EnumerateArray().ToList() : [coordinates];
            result[code] = Centroid(polygons);
        }
        return result;
    }

    /// <summary>
    /// Area-weighted centroid of all polygons (shoelace formula; holes subtract, whatever the file's winding).
    /// Degrees are fine here: within one municipality the lon/lat distortion is a near-constant scale.
    /// </summary>
    private static (double Lon, double Lat) Centroid(List<JsonElement> polygons)
    {
        double area = 0, cx = 0, cy = 0;
        foreach (var polygon in polygons)
        {
            var ringIndex = 0;
            foreach (var ring in polygon.EnumerateArray())
            {
                var pts = ring.EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
                double a = 0, x = 0, y = 0;
                for (var i = 0; i < pts.Count - 1; i++)
                {
                    var cross = pts[i].X * pts[i + 1].Y - pts[i + 1].X * pts[i].Y;
                    a += cross;
                    x += (pts[i].X + pts[i + 1].X) * cross;
                    y += (pts[i].Y + pts[i + 1].Y) * cross;
                }
                // Outer ring adds its area, holes subtract theirs, whatever the file's winding.
                // |A|·C of a ring is sign(a)·x/6 (x/6 and a/2 carry the same sign).
                var s = ringIndex == 0 ? 1 : -1;
                area += s * Math.Abs(a) / 2;
                cx += s * Math.Sign(a) * x / 6;
                cy += s * Math.Sign(a) * y / 6;
                ringIndex++;
            }
        }
        return area == 0 ? (0, 0) : (cx / area, cy / area);
    }
}
