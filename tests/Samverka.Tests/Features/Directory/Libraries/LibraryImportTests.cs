using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory;

namespace Samverka.Tests.Features.Directory.Libraries;

[Collection(AppCollection.Name)]
public class LibraryImportTests(SamverkaFactory app)
{
    private static async Task<HttpResponseMessage> Upload(HttpClient client, string url, byte[] bytes, string fileName = "bibliotek.csv")
    {
        var token = await client.AntiforgeryTokenAsync(url);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync(url, form);
    }

    private static byte[] Utf8Bom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    private Task<int> CountLibraries(string nameStart) =>
        app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name.StartsWith(nameStart)));

    [Fact]
    public async Task Post_GoodFile_ImportsAllRowsAndSecondImportChangesNothing()
    {
        var client = await app.SignedInAs(Roles.RegionalCoordinator);
        var csv = Utf8Bom("namn;typ;kommunkod;adress;postnummer;ort;e-post;webb\r\n" +
            "Importtest Norra;Filial;1280;Norra vägen 1;21146;Malmö;norra@exempel.se;https://exempel.se/norra\r\n" +
            "Importtest Södra;folkbibliotek;1281;;;Lund;;\r\n");

        var first = await Upload(client, "/bibliotek/import", csv);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var notice = (await client.GetDocumentAsync("/bibliotek/import")).QuerySelector(".notice")!.TextContent;
        Assert.Contains("2 nya", notice);
        var stamp = await app.WithDbAsync(db => db.Libraries.Where(l => l.Name.StartsWith("Importtest ")).MaxAsync(l => l.UpdatedAt));

        var second = await Upload(client, "/bibliotek/import", csv);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var notice2 = (await client.GetDocumentAsync("/bibliotek/import")).QuerySelector(".notice")!.TextContent;
        Assert.Contains("0 nya, 0 uppdaterade och 2 oförändrade", notice2);

        Assert.Equal(2, await CountLibraries("Importtest "));
        var norra = await app.WithDbAsync(db => db.Libraries.SingleAsync(l => l.Name == "Importtest Norra"));
        Assert.Equal("211 46", norra.PostalCode);
        Assert.Equal(LibraryKind.Filial, norra.Kind);
        Assert.Equal(stamp, await app.WithDbAsync(db => db.Libraries.Where(l => l.Name.StartsWith("Importtest ")).MaxAsync(l => l.UpdatedAt)));
    }

    [Fact]
    public async Task Post_FileWithBadRows_ReportsEveryRowAndColumnAndStoresNothing()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var csv = Encoding.UTF8.GetBytes("namn,typ,kommunkod,e-post\n" +
            "Felimport Ett,Folkbibliotek,1280,ett@exempel.se\n" +
            "Felimport Två,Folkbibliotek,1299,\n" +
            ",Bokbuss,1280,inte-en-adress\n" +
            "Felimport Ett,Filial,1280,\n");

        var response = await Upload(client, "/bibliotek/import", csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        var rows = doc.QuerySelectorAll(".table-scroll tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "3" && r[1] == "kommunkod" && r[3].Contains("Okänd kommunkod 1299"));
        Assert.Contains(rows, r => r[0] == "4" && r[1] == "namn");
        Assert.Contains(rows, r => r[0] == "4" && r[1] == "typ" && r[3].Contains("Bokbuss"));
        Assert.Contains(rows, r => r[0] == "4" && r[1] == "e-post");
        Assert.Contains(rows, r => r[0] == "5" && r[3].Contains("rad 2"));
        Assert.Contains("Ingenting har sparats", doc.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(0, await CountLibraries("Felimport"));
    }

    [Fact]
    public async Task Post_CellWithPersonnummer_IsReportedMasked()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var csv = Encoding.UTF8.GetBytes("namn;typ;kommunkod;adress\nMaskimport Ett;Folkbibliotek;1280;Kontakt 197001011234\n");

        var response = await Upload(client, "/bibliotek/import", csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("197001011234", await response.Content.ReadAsStringAsync());
        var row = Assert.Single((await response.ToDocumentAsync()).QuerySelectorAll(".table-scroll tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()));
        Assert.Equal(["2", "adress", "(dold)", "Skriv inte personnummer i Samverka."], row);
        Assert.Equal(0, await CountLibraries("Maskimport"));
    }

    [Fact]
    public void ImportError_HidesAValueLikeAPersonnummer_AndKeepsOthers()
    {
        var masked = new Samverka.Web.Features.Directory.ImportError(3, "organisation", "Det finns inget bibliotek som heter Bibliotek 800101-1234 i kommun 1280.", " Bibliotek 800101-1234 ");
        Assert.Equal("(dold)", masked.Value);
        Assert.Equal("Det finns inget bibliotek som heter (dold) i kommun 1280.", masked.Message);
        var refused = new Samverka.Web.Features.Directory.ImportError(2, "namn", "Skriv inte personnummer i Samverka.", "Anna 19800101-1234");
        Assert.Equal("(dold)", refused.Value);
        var plain = new Samverka.Web.Features.Directory.ImportError(2, "kommunkod", "Okänd kommunkod 1299.", "1299");
        Assert.Equal(("1299", "Okänd kommunkod 1299."), (plain.Value, plain.Message));
    }

    [Fact]
    public async Task Post_NoFile_RendersSwedishError()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var token = await client.AntiforgeryTokenAsync("/bibliotek/import");
        var response = await client.PostAsync("/bibliotek/import", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Välj en CSV-fil att importera.", (await response.ToDocumentAsync()).ErrorMessages());
    }

    [Fact]
    public async Task Get_Import_AnonymousIsSentToSignIn()
    {
        var response = await app.Anonymous().GetAsync("/bibliotek/import");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location!.OriginalString.Replace("https://localhost", ""));
    }

    [Fact]
    public async Task ExportedFile_ImportsBackUnchanged()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var export = await client.GetByteArrayAsync("/bibliotek?handler=Csv&kommun=1280");
        var response = await Upload(client, "/bibliotek/import", export);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notice = (await client.GetDocumentAsync("/bibliotek/import")).QuerySelector(".notice")!.TextContent;
        Assert.Contains("0 nya, 0 uppdaterade", notice);
    }
}
