using System.Net;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>The yearly report as PDF, read back with pdftotext: the page's headings and figures, the map with its alternative text, metadata and tags.</summary>
[Collection(AppCollection.Name)]
public class ReportPdfTests(SamverkaFactory app)
{
    private static string Plain(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim();

    [Fact]
    public async Task Get_ReportPdf_HasThePagesHeadingsAndFigures_TitleLanguageMapAndTags()
    {
        var id = await PlanSamples.DemoPlanIdAsync(app);
        var viktor = await app.As(Viktor);
        var url = $"/verksamhetsplaner/{id}/berattelse/2019";
        var page = await viktor.GetDocumentAsync(url);
        Assert.NotNull(page.QuerySelector($"a[href='{url}?handler=Pdf']"));
        var pdf = await PdfFile.GetAsync(viktor, url + "?handler=Pdf");
        var text = Plain(pdf.Flat);

        // Every heading of the page, in the page's order (the map's legend is a paragraph in the PDF).
        var headings = page.QuerySelectorAll("main h2, main h3, main h4").Select(h => Plain(h.TextContent.Trim())).ToList();
        Assert.Contains("1.2 Värdegrund", headings);
        Assert.Contains("5.4 Läs- och litteraturfrämjande verksamhet", headings);
        var at = 0;
        foreach (var heading in headings)
        {
            var found = text.IndexOf(heading, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"Rubriken \"{heading}\" saknas i PDF:en efter position {at}.");
            at = found;
        }
        // The period as the page states it (up to the minute of computing, which may have turned between the two requests).
        Assert.Contains(Plain(page.QuerySelector(".report-period")!.TextContent).Split(" Samverka ")[0], text);

        // The computed figures as the page shows them, label and value side by side in the figures table.
        var figures = page.QuerySelectorAll("table.plan-figures tr[data-figure]")
            .Select(tr => (Label: Plain(tr.QuerySelector("th")!.TextContent), Value: Plain(tr.QuerySelector("td.num")!.TextContent))).ToList();
        Assert.NotEmpty(figures);
        Assert.Contains(figures, f => f.Value == "440 000 kr");
        foreach (var (label, value) in figures) Assert.Contains($"{label} {value}", text);
        Assert.Contains(Plain(page.QuerySelector("#kommunerna + p")!.TextContent.Trim()), text);
        // The municipality table row by row, as on the page: a printed page has no room for its eight columns, so the rate per 100
        // staff and the staff figure (cells 4 and 5) follow in a table of their own, beside the participants (cell 3) again.
        foreach (var row in page.QuerySelectorAll("table.reach tbody tr"))
        {
            var cells = row.Children.Select(c => Plain(c.TextContent.Trim())).ToList();
            Assert.Contains(string.Join(" ", cells.Take(4).Concat(cells.Skip(6))), text);
            Assert.Contains(string.Join(" ", cells[0], cells[3], cells[4], cells[5]), text);
        }

        Assert.Equal(Plain(page.Title!).Split(" – Samverka")[0], pdf.Title);
        Assert.StartsWith("Verksamhetsberättelse 2019 – ", pdf.Title);
        Assert.Equal("sv-SE", pdf.Language);
        Assert.Equal("verksamhetsberattelse-västmanland-2019.pdf", pdf.FileName); // as the DOCX's name

        // The map as an image whose Figure element carries the map's description as alternative text.
        var figure = Assert.Single(pdf.StructureElements(), e => e.Elements.GetName("/S") == "/Figure");
        Assert.Contains("Karta över länets 10 kommuner", figure.Elements.GetString("/Alt"));
        Assert.Equal(1, pdf.Images);
        // DejaVu Sans embedded (a subset, with a Unicode map: the text above came out of it).
        Assert.Matches(@"\+DejaVu Sans\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", pdf.Fonts);
        var types = pdf.StructureTypes();
        foreach (var tag in new[] { "/H1", "/H2", "/H3", "/H4", "/P", "/L", "/LI", "/LBody", "/Table", "/TH", "/TD", "/Link" })
            Assert.Contains(tag, types);
    }

    [Fact]
    public async Task Get_ReportPdf_IsRefusedLikeThePage()
    {
        var id = await PlanSamples.DemoPlanIdAsync(app);
        var url = $"/verksamhetsplaner/{id}/berattelse/2019";
        foreach (var client in new[] { await app.As(Sara), app.Anonymous() })
            await PdfFile.AssertRefusedLikeThePageAsync(client, url, url + "?handler=Pdf");
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(Viktor)).GetAsync($"/verksamhetsplaner/{id}/berattelse/2018?handler=Pdf")).StatusCode);
    }
}
