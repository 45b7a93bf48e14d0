using System.Buffers.Binary;
using System.IO.Compression;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverka.Tests.Support;
using Samverka.Web.Infrastructure;
using static Samverka.Tests.Security.ScopeSupport;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

using static Samverka.Tests.Features.ActivityPlans.PlanSamples;
using Samverka.Web.Features.ActivityPlans;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>The report's engagement map and municipality table, in the print page and the DOCX, and the map's PNG copy.</summary>
[Collection(AppCollection.Name)]
public class ReportReachTests(SamverkaFactory app)
{
    [Fact]
    public async Task Get_Report_EngagementMapAndTable_AgreeWithTheFigures()
    {
        var id = await PlanSamples.DemoPlanIdAsync(app);
        var report = await (await app.As(Viktor)).GetDocumentAsync($"/verksamhetsplaner/{id}/berattelse/2019");
        var figures = Figures(report);
        var rows = report.QuerySelectorAll("table.reach tbody tr").Select(tr => tr.Children.Select(c => Plain(c.TextContent)).ToArray()).ToList();

        Assert.Equal(10, rows.Count);
        Assert.Equal(10, report.QuerySelectorAll("svg.map a[data-code]").Length);
        Assert.Equal(figures["kommuner.nadda"], rows.Count(r => int.Parse(r[1]) + int.Parse(r[2]) > 0).ToString());
        Assert.Equal(figures["kommuner.aktiviteter"], rows.Count(r => int.Parse(r[1]) > 0).ToString());
        Assert.Equal(figures["sjalvskattning.workshopkommuner"], rows.Count(r => r[4] == "ja").ToString());
        Assert.Equal("6", figures["sjalvskattning.workshopkommuner"]); // seed 004: workshops in 6 of 10 municipalities
        Assert.Equal(figures["biblioteksplaner.aktuella"], rows.Count(r => r[5] == "ja").ToString());
        Assert.StartsWith($"{figures["kommuner.nadda"]} av 10 kommuner", Plain(report.QuerySelector("#kommunerna + p")!.TextContent));
    }

    [Fact]
    public async Task Get_ReportDocx_HasTheMapWithAltText_TheMunicipalityTable_AndLinks()
    {
        var id = await PlanSamples.DemoPlanIdAsync(app);
        var bytes = await (await app.As(Viktor)).GetByteArrayAsync($"/verksamhetsplaner/{id}/berattelse/2019?handler=Docx");
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = doc.MainDocumentPart!;

        var image = Assert.Single(main.ImageParts);
        Assert.Equal("image/png", image.ContentType);
        using (var s = image.GetStream()) Assert.True(PngDecoder.Decode(s).Width > 100);
        var alt = Assert.Single(main.Document.Descendants<DW.DocProperties>()).Description!.Value!;
        Assert.Contains("Karta över länets 10 kommuner", alt);

        var table = main.Document.Body!.Elements<Table>().Single(t => t.Elements<TableRow>().First().InnerText.StartsWith("Kommun", StringComparison.Ordinal));
        Assert.Equal(11, table.Elements<TableRow>().Count());

        // The four training days are linked actions: each is a link to its page in Samverka.
        var targets = main.HyperlinkRelationships.Select(h => h.Uri.AbsolutePath).ToList();
        Assert.True(targets.Count(t => t.StartsWith("/aktiviteter/", StringComparison.Ordinal)) >= 4, string.Join(", ", targets));
        Assert.Contains(targets, t => t.StartsWith("/sjalvskattning/omgangar/", StringComparison.Ordinal));
        Assert.All(main.Document.Descendants<Hyperlink>(), h => Assert.Contains(main.HyperlinkRelationships, r => r.Id == h.Id));
    }

    [Fact]
    public void MapPng_FillsEachMunicipalityWithItsClass_AndIsAValidPng()
    {
        var (classes, _) = SvgMap.ValueClasses(2, v => v);
        // Västerås (1980) class 2, Sala (1981) class 1, the rest of Västmanland 0.
        var codes = new[] { "1904", "1907", "1960", "1961", "1962", "1980", "1981", "1982", "1983", "1984" };
        var spec = new SvgMap.MapSpec("t", "Test", "Testkarta", classes,
            codes.Select(c => new SvgMap.MapArea(c, c == "1980" ? 2 : c == "1981" ? 1 : 0, c)).ToList(), []);

        var (png, w, h) = MapPng.Render(spec);
        var decoded = PngDecoder.Decode(new MemoryStream(png));

        Assert.Equal((w, h), (decoded.Width, decoded.Height));
        var colours = decoded.Pixels.Chunk(3).Select(p => $"#{p[0]:x2}{p[1]:x2}{p[2]:x2}").GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(colours.GetValueOrDefault(SvgMap.Fills[1]) > 100, "class 1's fill is drawn");
        Assert.True(colours.GetValueOrDefault(SvgMap.Fills[2]) > 100, "class 2's fill is drawn");
        Assert.True(colours.GetValueOrDefault(SvgMap.Ink) > 100, "boundaries and hatching are drawn in ink");
        Assert.True(colours.GetValueOrDefault("#ffffff") > 100);
    }

    /// <summary>Just enough of PNG to check what MapPng writes: chunk CRCs, RGB 8-bit, filter 0 rows.</summary>
    private static class PngDecoder
    {
        public sealed record Image(int Width, int Height, byte[] Pixels);

        public static Image Decode(Stream s)
        {
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            var b = ms.ToArray();
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, b[..8]);
            int pos = 8, w = 0, h = 0;
            var idat = new MemoryStream();
            while (pos < b.Length)
            {
                var len = BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(pos));
                var type = System.Text.Encoding.ASCII.GetString(b, pos + 4, 4);
                var data = b.AsSpan(pos + 8, len);
                Assert.Equal(BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(pos + 8 + len)), Crc(b.AsSpan(pos + 4, len + 4)));
                if (type == "IHDR")
                {
                    w = BinaryPrimitives.ReadInt32BigEndian(data);
                    h = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);
                    Assert.Equal(2, data[9]);
                }
                if (type == "IDAT") idat.Write(data);
                pos += 12 + len;
            }
            idat.Position = 0;
            using var z = new ZLibStream(idat, CompressionMode.Decompress);
            using var raw = new MemoryStream();
            z.CopyTo(raw);
            var rows = raw.ToArray();
            Assert.Equal(h * (1 + 3 * w), rows.Length);
            var pixels = new byte[w * h * 3];
            for (var y = 0; y < h; y++)
            {
                Assert.Equal(0, rows[y * (1 + 3 * w)]);
                Array.Copy(rows, y * (1 + 3 * w) + 1, pixels, y * w * 3, w * 3);
            }
            return new Image(w, h, pixels);
        }

        private static uint Crc(ReadOnlySpan<byte> bytes)
        {
            var c = 0xFFFFFFFFu;
            foreach (var x in bytes)
            {
                c ^= x;
                for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }
            return ~c;
        }
    }
}
