using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;
using static Samverka.Tests.Features.Activities.AttendanceTests;

namespace Samverka.Tests.Features.Activities;

/// <summary>The certificate of attendance as PDF, read back with pdftotext: the page's lines, hours computed from the sessions.</summary>
[Collection(AppCollection.Name)]
public class CertificatePdfTests(SamverkaFactory app)
{
    private static string Plain(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim();

    [Fact]
    public async Task Get_CertificatePdf_HasThePagesLines_TheHoursOfTheAttendedSessions_TitleLanguageAndTags()
    {
        var (id, reg) = await PastWithHugoAsync(app);
        await MarkAsync(app, id, reg, "1");
        var hugo = await app.As(Hugo);
        var page = await hugo.GetDocumentAsync($"/aktiviteter/{id}/intyg");
        Assert.Equal("Ladda ner som PDF", page.QuerySelector($"a[href='/aktiviteter/{id}/intyg?handler=Pdf']")?.TextContent);

        var pdf = await PdfFile.GetAsync(hugo, $"/aktiviteter/{id}/intyg?handler=Pdf");
        var text = Plain(pdf.Flat);
        // Every line of the printed certificate, in order (the sessions as a dashed list).
        var lines = page.QuerySelectorAll("article.certificate h1, article.certificate p, article.certificate li")
            .Select(e => (e.LocalName == "li" ? "– " : "") + Plain(e.TextContent)).ToList();
        Assert.Equal("Intyg om deltagande", lines[0]);
        Assert.StartsWith(string.Join(" ", lines), text);
        Assert.Contains("Hugo Testsson Helsingborgs stadsbibliotek har deltagit i", text);
        Assert.Contains("Arrangör: Region Skåne", text);

        // The hours are the attended sessions' length, as sv-SE writes them (3,5).
        var (title, hours) = await app.WithDbAsync(async db =>
        {
            var a = await db.Activities.Include(x => x.Sessions).SingleAsync(x => x.Id == id);
            return (a.Title, a.Sessions.Sum(s => (s.EndTime - s.StartTime).TotalHours));
        });
        Assert.Contains($", {hours.ToString("0.#", CultureInfo.GetCultureInfo("sv-SE"))} timmar", text);
        Assert.Contains("3,5 timmar", text);

        Assert.Equal($"Intyg om deltagande – {title}", pdf.Title);
        Assert.Equal("sv-SE", pdf.Language);
        Assert.Equal($"intyg-{id}.pdf", pdf.FileName);
        var types = pdf.StructureTypes();
        Assert.Equal("/H1", types.First(t => t != "/Document"));
        Assert.Contains("/LI", types);

        // The organiser prints it for the participant, by registration.
        var forHugo = await PdfFile.GetAsync(await app.As(Sara), $"/aktiviteter/{id}/intyg?handler=Pdf&anmalan={reg}");
        Assert.Contains("Hugo Testsson", forHugo.Text);
        Assert.Equal($"intyg-{id}-anmalan-{reg}.pdf", forHugo.FileName);
    }

    [Fact]
    public async Task Get_CertificatePdf_IsRefusedLikeThePage()
    {
        var (id, reg) = await PastWithHugoAsync(app);
        var hugo = await app.As(Hugo);
        await PdfFile.AssertRefusedLikeThePageAsync(hugo, $"/aktiviteter/{id}/intyg", $"/aktiviteter/{id}/intyg?handler=Pdf"); // not marked yet: 404
        await MarkAsync(app, id, reg, "1");
        // Someone else's certificate by registration (403), another region's coordinator, and no one signed in.
        await PdfFile.AssertRefusedLikeThePageAsync(hugo, $"/aktiviteter/{id}/intyg?anmalan={reg}", $"/aktiviteter/{id}/intyg?handler=Pdf&anmalan={reg}");
        await PdfFile.AssertRefusedLikeThePageAsync(await app.As(Viktor), $"/aktiviteter/{id}/intyg", $"/aktiviteter/{id}/intyg?handler=Pdf");
        await PdfFile.AssertRefusedLikeThePageAsync(app.Anonymous(), $"/aktiviteter/{id}/intyg", $"/aktiviteter/{id}/intyg?handler=Pdf");
    }
}
