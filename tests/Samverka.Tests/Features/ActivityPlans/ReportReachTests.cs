using SkiaSharp;
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
        Assert.Equal(figures["sjalvskattning.workshopkommuner"], rows.Count(r => r[6] == "ja").ToString());
        Assert.Equal("6", figures["sjalvskattning.workshopkommuner"]); // seed 004: workshops in 6 of 10 municipalities
        Assert.Equal(figures["biblioteksplaner.aktuella"], rows.Count(r => r[7] == "ja").ToString());
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
        using (var s = image.GetStream()) using (var bitmap = SKBitmap.Decode(s)) Assert.True(bitmap.Width > 100);
        var alt = Assert.Single(main.Document.Descendants<DW.DocProperties>()).Description!.Value!;
        Assert.Contains("Karta över länets 10 kommuner", alt);

        var table = main.Document.Body!.Elements<Table>().Single(t => t.Elements<TableRow>().First().InnerText.StartsWith("KommunAktiviteter", StringComparison.Ordinal));
        Assert.Equal(12, table.Elements<TableRow>().Count()); // the header, 10 municipalities and the whole county

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
        SvgMap.MapSpec Spec(string two, string one) => new("t", "Test", "Testkarta", classes,
            codes.Select(c => new SvgMap.MapArea(c, c == two ? 2 : c == one ? 1 : 0, c)).ToList(), []);

        var (png, w, h) = MapPng.Render(Spec("1980", "1981"));
        using var decoded = SKBitmap.Decode(png);

        Assert.Equal((w, h), (decoded.Width, decoded.Height));
        Assert.True(w > 400 && h > 400, $"{w} × {h}: two pixels per map unit");
        var colours = Colours(decoded).GroupBy(c => c.Hex).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(colours.GetValueOrDefault(SvgMap.Fills[1]) > 100, "class 1's fill is drawn");
        Assert.True(colours.GetValueOrDefault(SvgMap.Fills[2]) > 100, "class 2's fill is drawn");
        Assert.True(colours.GetValueOrDefault(SvgMap.Ink) > 100, "boundaries and hatching are drawn in ink");
        Assert.True(colours.GetValueOrDefault("#ffffff") > 100);

        // The colour sits where the municipality is: Västerås's class-2 pixels and, with the classes swapped,
        // Sala's are different places on the same map.
        var (swapped, _, _) = MapPng.Render(Spec("1981", "1980"));
        using var other = SKBitmap.Decode(swapped);
        var vasteras = Colours(decoded).Where(c => c.Hex == SvgMap.Fills[2]).Select(c => (c.X, c.Y)).ToHashSet();
        var sala = Colours(other).Where(c => c.Hex == SvgMap.Fills[2]).Select(c => (c.X, c.Y)).ToHashSet();
        Assert.True(sala.Count > 100);
        Assert.Empty(vasteras.Intersect(sala));
        // ... and there Sala had class 1 in the first map (apart from its dots of ink).
        Assert.True(sala.Count(p => Hex(decoded.GetPixel(p.X, p.Y)) == SvgMap.Fills[1]) > sala.Count * 0.8);
    }

    private static IEnumerable<(int X, int Y, string Hex)> Colours(SKBitmap b)
    {
        for (var y = 0; y < b.Height; y++)
            for (var x = 0; x < b.Width; x++) yield return (x, y, Hex(b.GetPixel(x, y)));
    }

    private static string Hex(SKColor c) => $"#{c.Red:x2}{c.Green:x2}{c.Blue:x2}";
}
