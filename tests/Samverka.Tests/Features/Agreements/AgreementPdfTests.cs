using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.Agreements;

/// <summary>The agreement as PDF in the seeds' layout, read back with pdftotext against the print view.</summary>
[Collection(AppCollection.Name)]
public class AgreementPdfTests(SamverkaFactory app)
{
    private static string Plain(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim();

    [Fact]
    public async Task Get_AgreementPdf_HasTheSeedsLayout_TitleLanguageAndTags()
    {
        var id = await app.MalmoAsync();
        var sara = await app.As(Sara);
        var print = await sara.GetDocumentAsync($"/overenskommelser/{id}/utskrift");
        var details = await sara.GetDocumentAsync($"/overenskommelser/{id}");
        var url = $"/overenskommelser/{id}?handler=Pdf";
        Assert.Equal("Ladda ner som PDF", details.QuerySelector($"a[href='{url}']")?.TextContent);
        Assert.NotNull(print.QuerySelector($"a[href='{url}']"));

        var pdf = await PdfFile.GetAsync(sara, url);
        var text = Plain(pdf.Flat);
        var article = print.QuerySelector("article.agreement-document")!;
        var title = Plain(article.QuerySelector("h2")!.TextContent);
        Assert.Equal(Samverka.Web.Features.Agreements.AgreementDemoData.MalmoTitle, title);
        Assert.StartsWith(title + " " + Plain(article.QuerySelector("h2 + p")!.TextContent), text);
        Assert.Contains("Parterna utgörs av Region Skånes kulturförvaltning och Biblioteken i Malmö.", text);

        // The four sections in the print view's order, each followed by its first paragraph.
        var at = 0;
        foreach (var h in article.QuerySelectorAll("h3"))
        {
            var section = Plain(h.TextContent) + " " + Plain(h.NextElementSibling!.TextContent);
            var found = text.IndexOf(section, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"\"{section}\" saknas efter position {at}.");
            at = found;
        }
        Assert.Contains("Respektive part utser en kontaktperson för samarbetet. Avstämning sker halvårsvis.", text);
        // Signature block: place and date, then each party's signatory and "För …" in the print view's order.
        var signatures = article.QuerySelectorAll(".agreement-signatures p").Select(p => Plain(p.TextContent)).ToList();
        Assert.Equal("Malmö 2018-12-06", signatures[0]);
        Assert.Matches(System.Text.RegularExpressions.Regex.Escape(string.Join(" ", signatures)) + @" Sida \d+$", text); // last, above the page number
        Assert.Contains("Torbjörn Nilsson För Malmö stadsbibliotek Maria Tsakiris För Region Skånes kulturförvaltning", text);

        Assert.Equal(title, pdf.Title);
        Assert.Equal("sv-SE", pdf.Language);
        Assert.Equal($"overenskommelse-{id}-version-1.pdf", pdf.FileName);
        var types = pdf.StructureTypes();
        Assert.Equal(["/H1", "/H2", "/H2", "/H2", "/H2"], types.Where(t => t.StartsWith("/H", StringComparison.Ordinal)).ToList());
        Assert.Contains("/P", types);
    }

    [Fact]
    public async Task Get_AgreementPdf_IsRefusedLikeThePrintView()
    {
        var id = await app.MalmoAsync();
        foreach (var client in new[] { await app.As(Hugo), app.Anonymous() })
            await PdfFile.AssertRefusedLikeThePageAsync(client, $"/overenskommelser/{id}", $"/overenskommelser/{id}?handler=Pdf");
    }
}
