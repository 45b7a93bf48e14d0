using System.Net;
using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

using static Samverka.Tests.Features.ActivityPlans.PlanSamples;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>The yearly report: seed 004's structure, the period its figures cover, DOCX validity, and figures equal to the plan page's.</summary>
[Collection(AppCollection.Name)]
public class ReportTests(SamverkaFactory app)
{
    [Fact]
    public async Task Get_Report_HasSeed004Structure_AndStatesItsPeriod()
    {
        var id = await PlanSamples.DemoPlanIdAsync(app);
        var doc = await (await app.As(Viktor)).GetDocumentAsync($"/verksamhetsplaner/{id}/berattelse/2019");

        var headings = doc.QuerySelectorAll("h2, h3, h4").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["1 Inledning", "1.1 Vision", "1.2 Värdegrund", "2 Förutsättningar", "2.1 Nationella kulturpolitiska utgångspunkter",
            "3 Uppdrag", "4 Personal", "5 Utvecklingsområden", "5.1 Bibliotekssamverkan", "Samverkansparter", "Delmål", "Aktiviteter", "Utfall"], headings.Take(13));
        // Seed 004: the national cultural-policy aims as a list under 2.1, and section 5's introduction before the areas.
        Assert.Equal(5, doc.QuerySelectorAll("h3").Single(h => h.TextContent == "2.1 Nationella kulturpolitiska utgångspunkter")
            .ParentElement!.QuerySelectorAll("li").Count(li => li.TextContent.StartsWith("främja", StringComparison.Ordinal) || li.TextContent.StartsWith("särskilt", StringComparison.Ordinal)));
        Assert.StartsWith("Den regionala biblioteksverksamheten stödjer", doc.QuerySelectorAll("h2").Single(h => h.TextContent == "5 Utvecklingsområden").NextElementSibling!.TextContent);
        Assert.Contains("5.4 Läs- och litteraturfrämjande verksamhet", headings);
        Assert.StartsWith("Siffrorna i berättelsen gäller 1 januari 2019 – 31 december 2019 och är beräknade ur Samverka", doc.QuerySelector(".report-period")!.TextContent);
    }

    [Fact]
    public async Task Get_Report_FiguresEqualThePlanPagesForTheSamePeriod()
    {
        var created = await PlanSamples.CreateAsync(app);
        await PlanSamples.ActivityAsync(app, PlanSamples.Vastmanland, new(2019, 4, 2), await app.LibraryIdAsync("Västerås stadsbibliotek"), themeId: 2);
        var viktor = await app.As(Viktor);

        var page = await viktor.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}");
        var report = await viktor.GetDocumentAsync($"/verksamhetsplaner/{created.PlanId}/berattelse/2019");

        var pageFigures = Figures(page);
        Assert.NotEmpty(pageFigures);
        Assert.Equal(pageFigures, Figures(report));
        Assert.NotEqual("0", pageFigures["aktiviteter.antal"]);
        var outcome = report.QuerySelectorAll(".outcome-text").Single(p => p.TextContent.Contains($"Utfall {created.Tag}")).TextContent;
        Assert.Contains($"{pageFigures["aktiviteter.antal"]} aktiviteter i {pageFigures["kommuner.nadda"]} av", outcome);
    }

    [Fact]
    public async Task Get_ReportDocx_PassesOpenXmlValidator_AndContainsEveryArea()
    {
        var id = await PlanSamples.DemoPlanIdAsync(app);
        var response = await (await app.As(Viktor)).GetAsync($"/verksamhetsplaner/{id}/berattelse/2019?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);

        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var headings = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText).ToList();
        Assert.Equal(["1.1 Vision", "1.2 Värdegrund", "2.1 Nationella kulturpolitiska utgångspunkter", "5.1 Bibliotekssamverkan", "5.2 Folkbibliotekens digitala utveckling",
            "5.3 Folkbibliotekens kvalitetsarbete", "5.4 Läs- och litteraturfrämjande verksamhet"], headings);
        Assert.NotEmpty(doc.MainDocumentPart.Document.Body.Elements<Table>());
        Assert.Contains("440 000 kr", doc.MainDocumentPart.Document.Body.InnerText.Replace('\u00A0', ' '));
        Assert.Contains(doc.MainDocumentPart.Document.Body.Elements<Paragraph>(), p => p.InnerText == "– främja kvalitet och konstnärlig förnyelse");
        Assert.Contains(doc.MainDocumentPart.Document.Body.Elements<Paragraph>(), p => p.InnerText.StartsWith("Den regionala biblioteksverksamheten stödjer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_Report_YearOutsidePlan_404()
    {
        var id = await PlanSamples.DemoPlanIdAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(Viktor)).GetAsync($"/verksamhetsplaner/{id}/berattelse/2018")).StatusCode);
    }
}
