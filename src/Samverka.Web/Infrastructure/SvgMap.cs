using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;
using Samverka.Web.Data;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Server-drawn SVG choropleth maps of municipalities from the shipped boundaries
/// (Data/Reference/municipalities.geojson, counties.geojson for outlines).
/// <para>
/// Accessibility: the SVG is a group named by its &lt;title&gt; and described by &lt;desc&gt;; each
/// municipality is a link (focusable, named "Malmö: 2 av 4" by aria-label and &lt;title&gt;). Value
/// never relies on colour alone: every class has its own hatch pattern, and the page shows an HTML
/// legend and the data table. Boundaries and hatching are drawn in ink (#1b1b1b) and every class
/// fill has at least 3:1 contrast to ink, so each municipality's edge and pattern are visible
/// (non-text contrast, WCAG 1.4.11). Adjacent classes cannot all differ 3:1 from each other in
/// fill alone (five steps would need 81:1), which is why the patterns carry the value.
/// The CSP has no 'unsafe-inline' for styles: only presentation attributes, never style="".
/// </para>
/// </summary>
public static class SvgMap
{
    public const string Ink = "#1b1b1b";

    /// <summary>A class of the legend: fill colour and hatch pattern.</summary>
    public record MapClass(string Label, string Fill, string Pattern);

    /// <summary>A municipality on the map: its class and accessible name.</summary>
    public record MapArea(string Code, int ClassIndex, string Title);

    /// <param name="IdPrefix">Prefix for ids inside the SVG, unique on the page.</param>
    /// <param name="OutlineCounties">Counties whose borders are drawn over the municipalities (the national map).</param>
    public record MapSpec(string IdPrefix, string Title, string Description, IReadOnlyList<MapClass> Classes,
        IReadOnlyList<MapArea> Areas, IReadOnlyList<string> OutlineCounties);

    /// <summary>Fills from white to mid-blue; each at least 3:1 against <see cref="Ink"/> (checked by a test).</summary>
    public static readonly string[] Fills = ["#ffffff", "#deebf7", "#b5d0ea", "#86b1dc", "#5b93cc", "#3f7fc0"];
    /// <summary>Hatching per class, denser with the value.</summary>
    public static readonly string[] Patterns = ["none", "dots", "diagonal", "cross", "grid", "dense"];
    /// <summary>Municipalities outside the programme's regions (national map with a chosen programme).</summary>
    public static readonly MapClass NotCovered = new("Ingår inte", "#d9d9d9", "horizontal");

    /// <summary>
    /// Classes for values 0..max: one per value while max is at most 5, otherwise 0 and five equal
    /// ranges. Returns the classes and a function from value to class index.
    /// </summary>
    public static (List<MapClass> Classes, Func<int, int> ClassOf) ValueClasses(int max, Func<string, string> label)
    {
        if (max <= 5)
            return ([.. Enumerable.Range(0, max + 1).Select(v => new MapClass(label(v.ToString(CultureInfo.InvariantCulture)), Fills[v], Patterns[v]))],
                v => Math.Clamp(v, 0, max));
        var width = (max + 4) / 5;
        var classes = new List<MapClass> { new(label("0"), Fills[0], Patterns[0]) };
        for (var i = 1; i <= 5; i++)
        {
            var lo = (i - 1) * width + 1;
            var hi = Math.Min(i * width, max);
            if (lo > max) break;
            classes.Add(new(label(lo == hi ? $"{lo}" : $"{lo}–{hi}"), Fills[i], Patterns[i]));
        }
        return (classes, v => v <= 0 ? 0 : Math.Min(classes.Count - 1, (v - 1) / width + 1));
    }

    /// <summary>The map as SVG markup; standalone adds the XML declaration for a file of its own.</summary>
    public static string Render(MapSpec spec, bool standalone)
    {
        var geo = Geo.Value;
        var areas = spec.Areas.Where(a => geo.Municipalities.ContainsKey(a.Code)).ToList();
        var outlines = spec.OutlineCounties.Where(geo.Counties.ContainsKey).Select(c => geo.Counties[c]).ToList();
        var rings = areas.SelectMany(a => geo.Municipalities[a.Code].Rings).Concat(outlines.SelectMany(o => o.Rings)).ToList();
        var projection = Projection.Fit(rings, 800);
        var p = Escape(spec.IdPrefix);

        var sb = new StringBuilder();
        if (standalone) sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 {projection.Width} {projection.Height}\" width=\"{projection.Width}\" height=\"{projection.Height}\" role=\"group\" aria-labelledby=\"{p}-title\" aria-describedby=\"{p}-desc\">\n");
        sb.Append($"<title id=\"{p}-title\">{Escape(spec.Title)}</title>\n<desc id=\"{p}-desc\">{Escape(spec.Description)}</desc>\n<defs>\n");
        for (var i = 0; i < spec.Classes.Count; i++) sb.Append(PatternDef($"{p}-c{i}", spec.Classes[i])).Append('\n');
        sb.Append("</defs>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<g stroke=\"{Ink}\" stroke-width=\"0.6\" stroke-linejoin=\"round\">\n");
        foreach (var a in areas)
        {
            var title = Escape(a.Title);
            sb.Append($"<a href=\"/kommuner/{Escape(a.Code)}\" tabindex=\"0\" aria-label=\"{title}\" data-code=\"{Escape(a.Code)}\"><title>{title}</title>");
            sb.Append($"<path fill=\"url(#{p}-c{a.ClassIndex})\" fill-rule=\"evenodd\" d=\"");
            projection.AppendPath(sb, geo.Municipalities[a.Code].Rings);
            sb.Append("\"/></a>\n");
        }
        sb.Append("</g>\n");
        if (outlines.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<g fill=\"none\" stroke=\"{Ink}\" stroke-width=\"1.6\" stroke-linejoin=\"round\" aria-hidden=\"true\">\n");
            foreach (var o in outlines)
            {
                sb.Append("<path d=\"");
                projection.AppendPath(sb, o.Rings);
                sb.Append("\"/>\n");
            }
            sb.Append("</g>\n");
        }
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    /// <summary>A legend swatch: a small SVG with its own copy of the class's pattern.</summary>
    public static string Swatch(string id, MapClass c) =>
        $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" width=\"28\" height=\"20\" viewBox=\"0 0 28 20\" aria-hidden=\"true\" focusable=\"false\"><defs>{PatternDef(id, c)}</defs>" +
        $"<rect x=\"0.5\" y=\"0.5\" width=\"27\" height=\"19\" fill=\"url(#{Escape(id)})\" stroke=\"{Ink}\"/></svg>";

    private static string PatternDef(string id, MapClass c)
    {
        var marks = c.Pattern switch
        {
            "dots" => $"<circle cx=\"4\" cy=\"4\" r=\"1\" fill=\"{Ink}\"/>",
            "diagonal" => $"<path d=\"M-1,1 l2,-2 M0,8 l8,-8 M7,9 l2,-2\" stroke=\"{Ink}\" stroke-width=\"0.8\"/>",
            "cross" => $"<path d=\"M0,8 l8,-8 M0,0 l8,8\" stroke=\"{Ink}\" stroke-width=\"0.8\"/>",
            "grid" => $"<path d=\"M0,4 h8 M4,0 v8\" stroke=\"{Ink}\" stroke-width=\"0.9\"/>",
            "dense" => $"<circle cx=\"2\" cy=\"2\" r=\"1.2\" fill=\"{Ink}\"/><circle cx=\"6\" cy=\"6\" r=\"1.2\" fill=\"{Ink}\"/>",
            "horizontal" => $"<path d=\"M0,4 h8\" stroke=\"{Ink}\" stroke-width=\"0.6\"/>",
            _ => "",
        };
        return $"<pattern id=\"{Escape(id)}\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\"><rect width=\"8\" height=\"8\" fill=\"{c.Fill}\"/>{marks}</pattern>";
    }

    private static string Escape(string s) => SecurityElement.Escape(s) ?? "";

    // ---- Geometry -------------------------------------------------------------------------------

    /// <summary>All rings (outer and holes) of a municipality's or county's Polygon or MultiPolygon; [lon, lat].</summary>
    public record Shape(string Code, string Name, IReadOnlyList<double[][]> Rings);
    public record Geometry(IReadOnlyDictionary<string, Shape> Municipalities, IReadOnlyDictionary<string, Shape> Counties);

    /// <summary>Parsed once, on first use: ~0.3 MB of GeoJSON read on every request would dominate the page's cost.</summary>
    private static readonly Lazy<Geometry> Geo = new(() => new Geometry(
        Load(Path.Combine(ReferenceData.Directory, "municipalities.geojson")),
        Load(Path.Combine(ReferenceData.Directory, "counties.geojson"))));

    public static Geometry Boundaries => Geo.Value;

    private static Dictionary<string, Shape> Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var shapes = new Dictionary<string, Shape>();
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var props = f.GetProperty("properties");
            var code = props.GetProperty("code").GetString()!;
            var g = f.GetProperty("geometry");
            var coords = g.GetProperty("coordinates");
            // RFC 7946: a Polygon is a list of rings, a MultiPolygon a list of Polygons. The even-odd
            // fill rule cuts the holes whatever the rings' winding.
            List<JsonElement> polygons = g.GetProperty("type").GetString() switch
            {
                "Polygon" => [coords],
                "MultiPolygon" => coords.EnumerateArray().ToList(),
                var t => throw new InvalidDataException($"{path}: {code} has unsupported geometry {t}"),
            };
            var rings = polygons.SelectMany(poly => poly.EnumerateArray())
                .Select(ring => ring.EnumerateArray().Select(pt => new[] { pt[0].GetDouble(), pt[1].GetDouble() }).ToArray())
                .ToList();
            shapes[code] = new Shape(code, props.GetProperty("name").GetString()!, rings);
        }
        return shapes;
    }

    /// <summary>
    /// Equirectangular with the longitude scaled by cos(mid-latitude): at Sweden's latitudes this keeps
    /// shapes recognisable without a projection library. Fitted so the longer side is <c>size</c> units.
    /// </summary>
    private sealed record Projection(double MinLon, double MaxLat, double Kx, double Scale, int Width, int Height)
    {
        private const double Margin = 4;

        public static Projection Fit(IReadOnlyList<double[][]> rings, int size)
        {
            if (rings.Count == 0) return new Projection(0, 0, 1, 1, size, size);
            double minLon = double.MaxValue, maxLon = double.MinValue, minLat = double.MaxValue, maxLat = double.MinValue;
            foreach (var ring in rings)
                foreach (var pt in ring)
                {
                    minLon = Math.Min(minLon, pt[0]); maxLon = Math.Max(maxLon, pt[0]);
                    minLat = Math.Min(minLat, pt[1]); maxLat = Math.Max(maxLat, pt[1]);
                }
            var kx = Math.Cos((minLat + maxLat) / 2 * Math.PI / 180);
            var w = (maxLon - minLon) * kx;
            var h = maxLat - minLat;
            var scale = (size - 2 * Margin) / Math.Max(w, h);
            return new Projection(minLon, maxLat, kx, scale,
                (int)Math.Ceiling(w * scale + 2 * Margin), (int)Math.Ceiling(h * scale + 2 * Margin));
        }

        /// <summary>
        /// Rings as "Mx y" then relative moves "l dx dy …" in whole units (1/800 of the map's longer side,
        /// finer than the boundary data at this size), repeated points dropped: the national map's 290
        /// municipalities stay small enough to sit in the output cache and to send quickly.
        /// </summary>
        public void AppendPath(StringBuilder sb, IReadOnlyList<double[][]> rings)
        {
            foreach (var ring in rings)
            {
                long lastX = 0, lastY = 0;
                bool first = true, moved = false;
                foreach (var pt in ring)
                {
                    var x = (long)Math.Round((pt[0] - MinLon) * Kx * Scale + Margin);
                    var y = (long)Math.Round((MaxLat - pt[1]) * Scale + Margin);
                    if (first)
                    {
                        sb.Append('M').Append(x.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(y.ToString(CultureInfo.InvariantCulture));
                        first = false;
                        moved = false;
                    }
                    else if (x != lastX || y != lastY)
                    {
                        // "l" only before the first move: a command without numbers would end the path.
                        if (!moved) sb.Append('l');
                        moved = true;
                        Number(sb, x - lastX);
                        Number(sb, y - lastY);
                    }
                    lastX = x; lastY = y;
                }
                sb.Append('z');
            }
        }

        /// <summary>A minus sign separates numbers by itself; otherwise a space does.</summary>
        private static void Number(StringBuilder sb, long v)
        {
            if (v >= 0 && sb[^1] != 'l') sb.Append(' ');
            sb.Append(v.ToString(CultureInfo.InvariantCulture));
        }
    }
}
