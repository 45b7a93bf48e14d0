using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;

using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// A PNG copy of an <see cref="SvgMap"/> map, for documents that cannot hold SVG alone (a DOCX needs a raster picture;
/// Word's SVG support still wants a PNG fallback). No imaging library is available offline, and a choropleth of
/// polygons needs little: an even-odd scanline fill with the class's colour and hatch, the boundaries in ink, and
/// the PNG encoding (RGB, zlib) that .NET has built in.
/// </summary>
public static class MapPng
{
    /// <param name="scale">Pixels per map unit: 2 keeps the hatching crisp in print.</param>
    public static (byte[] Png, int Width, int Height) Render(SvgMap.MapSpec spec, int scale = 2)
    {
        var map = SvgMap.Project(spec);
        int w = map.Width * scale, h = map.Height * scale;
        var px = new byte[w * h * 3];
        Array.Fill(px, (byte)255);
        var ink = Colour(SvgMap.Ink);
        // The hatch repeats every 8 map units: one tile of pixels per pattern, looked up instead of computed per pixel.
        var tile = 8 * scale;
        var tiles = map.Areas.Select(a => a.Class.Pattern).Distinct().ToDictionary(p => p, p =>
        {
            var t = new bool[tile * tile];
            for (var y = 0; y < tile; y++)
                for (var x = 0; x < tile; x++) t[y * tile + x] = SvgMap.PatternInk(p, (x + 0.5) / scale, (y + 0.5) / scale);
            return t;
        });
        foreach (var (cls, rings) in map.Areas)
        {
            var fill = Colour(cls.Fill);
            var hatch = tiles[cls.Pattern];
            FillEvenOdd(rings, scale, w, h, (x, y) => Put(px, w, x, y, hatch[(y % tile) * tile + x % tile] ? ink : fill));
        }
        foreach (var (_, rings) in map.Areas) Stroke(px, w, h, rings, scale, ink, 1);
        foreach (var rings in map.Outlines) Stroke(px, w, h, rings, scale, ink, 3);
        return (Encode(px, w, h), w, h);
    }

    private static (byte R, byte G, byte B) Colour(string hex) => (
        byte.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        byte.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        byte.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static void Put(byte[] px, int w, int x, int y, (byte R, byte G, byte B) c)
    {
        var i = (y * w + x) * 3;
        px[i] = c.R; px[i + 1] = c.G; px[i + 2] = c.B;
    }

    /// <summary>Pixels whose centre lies inside an odd number of rings (holes and islands as in the SVG's evenodd rule).</summary>
    private static void FillEvenOdd(IReadOnlyList<(double X, double Y)[]> rings, int scale, int w, int h, Action<int, int> paint)
    {
        var xs = new List<double>();
        var minY = Math.Max(0, (int)Math.Floor(rings.Min(r => r.Min(p => p.Y)) * scale));
        var maxY = Math.Min(h - 1, (int)Math.Ceiling(rings.Max(r => r.Max(p => p.Y)) * scale));
        for (var y = minY; y <= maxY; y++)
        {
            var sy = (y + 0.5) / scale;
            xs.Clear();
            foreach (var ring in rings)
                for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
                {
                    var (ax, ay) = ring[j];
                    var (bx, by) = ring[i];
                    if ((ay <= sy) != (by <= sy)) xs.Add((ax + (sy - ay) / (by - ay) * (bx - ax)) * scale);
                }
            xs.Sort();
            for (var k = 0; k + 1 < xs.Count; k += 2)
                for (var x = Math.Max(0, (int)Math.Ceiling(xs[k] - 0.5)); x <= Math.Min(w - 1, (int)Math.Floor(xs[k + 1] - 0.5)); x++) paint(x, y);
        }
    }

    private static void Stroke(byte[] px, int w, int h, IReadOnlyList<(double X, double Y)[]> rings, int scale, (byte, byte, byte) c, int width)
    {
        foreach (var ring in rings)
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                double ax = ring[j].X * scale, ay = ring[j].Y * scale, bx = ring[i].X * scale, by = ring[i].Y * scale;
                var steps = (int)Math.Ceiling(Math.Max(Math.Abs(bx - ax), Math.Abs(by - ay))) + 1;
                for (var s = 0; s <= steps; s++)
                {
                    var x = (int)(ax + (bx - ax) * s / steps);
                    var y = (int)(ay + (by - ay) * s / steps);
                    for (var dx = -(width / 2); dx <= width / 2; dx++)
                        for (var dy = -(width / 2); dy <= width / 2; dy++)
                            if (x + dx >= 0 && x + dx < w && y + dy >= 0 && y + dy < h) Put(px, w, x + dx, y + dy, c);
                }
            }
    }

    private static byte[] Encode(byte[] px, int w, int h)
    {
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
            for (var y = 0; y < h; y++)
            {
                z.WriteByte(0); // filter: none
                z.Write(px, y * w * 3, w * 3);
            }
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, w);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), h);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour RGB
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = Crc32(typeBytes, data);
        BinaryPrimitives.WriteUInt32BigEndian(len, crc);
        s.Write(len);
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    private static uint Crc32(byte[] type, byte[] data)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in type) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        foreach (var b in data) c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        return c ^ 0xFFFFFFFFu;
    }
}
