using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.Directory.People;

[Collection(AppCollection.Name)]
public class PersonImportTests(SamverkaFactory app)
{
    private static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] bytes)
    {
        var token = await client.AntiforgeryTokenAsync("/personer/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "personer.csv");
        return await client.PostAsync("/personer/import", form);
    }

    private Task<int> Count(string emailStart) => app.WithDbAsync(db => db.People.CountAsync(p => p.Email.StartsWith(emailStart)));

    [Fact]
    public async Task Post_GoodFile_ImportsAndSecondImportChangesNothing()
    {
        // Malmö and Lund are both in Skåne: the regional coordinator's region.
        var client = await app.SignedInAs(Roles.RegionalCoordinator);
        var csv = Encoding.UTF8.GetBytes("namn;e-post;kommunkod;organisation;roll\n" +
            "Import Ettan;PIMPORT.ett@exempel.se;1280;malmö stadsbibliotek;Bibliotekarie\n" +
            "Import Tvåan;pimport.tva@exempel.se;1281;Lunds stadsbibliotek;\n");

        Assert.Equal(HttpStatusCode.Redirect, (await Upload(client, csv)).StatusCode);
        Assert.Contains("2 nya", (await client.GetDocumentAsync("/personer/import")).QuerySelector(".notice")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await Upload(client, csv)).StatusCode);
        Assert.Contains("0 nya, 0 uppdaterade och 2 oförändrade", (await client.GetDocumentAsync("/personer/import")).QuerySelector(".notice")!.TextContent);

        Assert.Equal(2, await Count("pimport."));
        var ettan = await app.WithDbAsync(db => db.People.Include(p => p.Library).SingleAsync(p => p.Email == "pimport.ett@exempel.se"));
        Assert.Equal("Malmö stadsbibliotek", ettan.Library!.Name);
        Assert.Equal("Bibliotekarie", ettan.RoleTitle);
    }

    [Fact]
    public async Task Post_BadRows_ReportsEachAndStoresNothing()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var csv = Encoding.UTF8.GetBytes("namn,e-post,kommunkod,organisation,roll\n" +
            "Fel Ett,pfel.ett@exempel.se,1280,Malmö stadsbibliotek,\n" +
            "Fel Två,pfel.tva@exempel.se,1299,Något bibliotek,\n" +
            "Fel Tre,pfel.tre@exempel.se,1280,Finns inte,\n" +
            "Fel 19800101-1234,inte-epost,1280,Malmö stadsbibliotek,\n" +
            "Fel Fem,PFEL.ETT@exempel.se,1280,Malmö stadsbibliotek,\n");

        var response = await Upload(client, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rows = (await response.ToDocumentAsync()).QuerySelectorAll(".table-scroll tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "3" && r[1] == "kommunkod" && r[3].Contains("1299"));
        Assert.Contains(rows, r => r[0] == "4" && r[1] == "organisation" && r[3].Contains("Finns inte"));
        Assert.Contains(rows, r => r[0] == "5" && r[1] == "namn" && r[3] == "Skriv inte personnummer i Samverka.");
        Assert.Contains(rows, r => r[0] == "5" && r[1] == "e-post");
        Assert.Contains(rows, r => r[0] == "6" && r[1] == "e-post" && r[3].Contains("rad 2"));
        Assert.Equal(0, await Count("pfel."));
    }

    [Fact]
    public async Task Post_RowWithPersonnummer_ReportIsMasked_NeverEchoesTheNumber()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var csv = Encoding.UTF8.GetBytes("namn,e-post,kommunkod,organisation,roll\n" +
            "Dold 19800101-1234,pdold.ett@exempel.se,1280,Malmö stadsbibliotek,\n" +
            "Dold Två,pdold.tva@exempel.se,1280,Bibliotek 800101-1234,Bibliotekarie 19800101+1234\n");

        var response = await Upload(client, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("0101-1234", html);
        Assert.DoesNotContain("0101+1234", html);
        var rows = (await response.ToDocumentAsync()).QuerySelectorAll(".table-scroll tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, r => r[0] == "2" && r[1] == "namn" && r[2] == "(dold)" && r[3] == "Skriv inte personnummer i Samverka.");
        Assert.Contains(rows, r => r[0] == "3" && r[1] == "roll" && r[2] == "(dold)");
        Assert.Contains(rows, r => r[0] == "3" && r[1] == "organisation" && r[2] == "(dold)");
        Assert.Equal(0, await Count("pdold."));
    }

    [Fact]
    public async Task Get_Import_AsStaff_IsDenied()
    {
        var client = await app.SignedInAs(Roles.LibraryStaff);
        var response = await client.GetAsync("/personer/import");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/nekad", response.Headers.Location!.OriginalString);
    }
}
