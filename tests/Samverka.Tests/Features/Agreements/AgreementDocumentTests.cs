using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.Agreements;

/// <summary>The Word file laid out like seed 000, valid Open XML; the print view; signed PDF uploads.</summary>
[Collection(AppCollection.Name)]
public class AgreementDocumentTests(SamverkaFactory app)
{
    [Fact]
    public async Task Docx_Malmo_PassesTheOpenXmlValidator_AndHasPartiesSectionsAndSignatures()
    {
        var client = await app.As(Sara);
        var response = await client.GetAsync($"/overenskommelser/{await app.MalmoAsync()}?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // Kept for the side-by-side comparison with seed 000 (scripts/agreement-docx-check.sh).
        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), "samverka-malmo-agreement.docx"), bytes);

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var paragraphs = doc.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(Samverka.Web.Features.Agreements.AgreementDemoData.MalmoTitle, paragraphs[0]);
        Assert.StartsWith("Överenskommelse om samarbete", paragraphs[0]);
        Assert.Equal("Parterna utgörs av Region Skånes kulturförvaltning och Biblioteken i Malmö.", paragraphs[1]);
        var headings = doc.MainDocumentPart.Document.Body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["Inledning och syfte", "Bakgrund", "Samverkansområden", "Avstämning"], headings);
        var text = string.Join("\n", paragraphs);
        Assert.Contains("Behov identifieras inom ramen för den nationella och digitala tjänsten Bibblan svarar.", text);
        Assert.Contains("Respektive part utser en kontaktperson för samarbetet. Avstämning sker halvårsvis.", text);
        // Signature block as in seed 000: place and date, then Malmö's signatory above the region's.
        var place = paragraphs.IndexOf("Malmö 2018-12-06");
        Assert.True(place > 0);
        Assert.Equal(["Torbjörn Nilsson", "För Malmö stadsbibliotek", "Maria Tsakiris", "För Region Skånes kulturförvaltning"], paragraphs.Skip(place + 1).ToList());
    }

    [Fact]
    public async Task PrintView_HasTheDocumentAndNoActions()
    {
        var client = await app.As(Sara);
        var doc = await client.GetDocumentAsync($"/overenskommelser/{await app.MalmoAsync()}/utskrift");
        var article = doc.QuerySelector("article.agreement-document")!;
        Assert.Equal(["Inledning och syfte", "Bakgrund", "Samverkansområden", "Avstämning"], article.QuerySelectorAll("h3").Select(h => h.TextContent));
        Assert.Empty(doc.QuerySelectorAll("main form"));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, byte[] content, string name, string contentType)
    {
        var token = await client.AntiforgeryTokenAsync($"/overenskommelser/{id}");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(file, "SignedPdf", name);
        return await client.PostAsync($"/overenskommelser/{id}?handler=Upload", form);
    }

    [Fact]
    public async Task Upload_NonPdfAndOversize_AreRefused_PdfIsServedOnlyToReaders()
    {
        var sara = await app.As(Sara);
        var id = await sara.CreateSignedAsync("Med PDF " + UniqueText.Letters(), "2019-01-01", "2020-12-31", "2018-12-20");

        var text = await UploadAsync(sara, id, Encoding.UTF8.GetBytes("inte en pdf"), "avtal.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains((await text.ToDocumentAsync()).ErrorMessages(), m => m.Contains("inte en PDF"));

        var huge = new byte[Samverka.Web.Infrastructure.PdfUpload.MaxBytes + 1];
        "%PDF-1.4"u8.CopyTo(huge);
        var oversize = await UploadAsync(sara, id, huge, "stor.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.BadRequest, oversize.StatusCode);
        Assert.Contains((await oversize.ToDocumentAsync()).ErrorMessages(), m => m.Contains("för stor"));
        Assert.Null((await app.AgreementAsync(id)).SignedFileId);

        var pdf = "%PDF-1.4\n%underskrivet\n"u8.ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(sara, id, pdf, "underskrivet.pdf", "application/pdf")).StatusCode);
        var served = await sara.GetAsync($"/overenskommelser/{id}?handler=SignedPdf");
        Assert.Equal("application/pdf", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await served.Content.ReadAsByteArrayAsync());
        // The party is Lund (municipality); Helsingborg's staff may not read it, nor the file.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(Hugo)).GetAsync($"/overenskommelser/{id}?handler=SignedPdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync($"/overenskommelser/{id}?handler=SignedPdf")).StatusCode);
    }
}
