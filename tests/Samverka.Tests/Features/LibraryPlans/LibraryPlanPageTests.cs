using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.LibraryPlans;

namespace Samverka.Tests.Features.LibraryPlans;

/// <summary>Adding and changing plans: who may (a manager their municipality, a coordinator their region), and bad input.</summary>
[Collection(AppCollection.Name)]
public class PlanPageTests(SamverkaFactory app)
{
    private const string Vasteras = "1980", Koping = "1983";

    private static Dictionary<string, string> Fields(string title, string from = "2070", string to = "2073") => new()
    {
        ["Input.Title"] = title, ["Input.ValidFrom"] = from, ["Input.ValidTo"] = to, ["Input.AdoptedBy"] = "Kommunfullmäktige",
    };

    private Task<int> CountAsync(string title) => app.WithDbAsync(db => db.LibraryPlans.CountAsync(p => p.Title == title));

    private Task<int> CreateDirectAsync(string title, string? municipality, string? county = null) => app.WithDbAsync(async db =>
    {
        var plan = new LibraryPlan { Title = title, MunicipalityCode = municipality, CountyCode = county, ValidFrom = new DateOnly(2070, 1, 1),
            ValidTo = new DateOnly(2073, 12, 31), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
        db.LibraryPlans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    });

    [Fact]
    public async Task Post_ManagerOwnMunicipality_AddsPlanWithYearPeriod()
    {
        var title = "Biblioteksplan " + Tag();
        var client = await app.As(Ake);

        var response = await client.PostFormAsync($"/biblioteksplaner/ny?kommun={Vasteras}", Fields(title));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = await app.WithDbAsync(db => db.LibraryPlans.SingleAsync(p => p.Title == title));
        Assert.Equal((Vasteras, new DateOnly(2070, 1, 1), new DateOnly(2073, 12, 31)), (plan.MunicipalityCode!, plan.ValidFrom!.Value, plan.ValidTo));
        Assert.NotNull(plan.ReportedOn);
        var page = await app.Anonymous().GetDocumentAsync($"/biblioteksplaner/kommun/{Vasteras}");
        Assert.Contains(title, page.QuerySelector("#plans")!.TextContent);
    }

    [Fact]
    public async Task Post_ManagerOtherMunicipality_IsForbiddenAndAddsNothing()
    {
        var title = "Biblioteksplan " + Tag();
        var client = await app.As(Ake);
        var get = await client.GetAsync($"/biblioteksplaner/ny?kommun={Koping}");
        AssertRefused(get);

        var token = await client.AntiforgeryTokenAsync($"/biblioteksplaner/ny?kommun={Vasteras}");
        var post = await client.PostAsync($"/biblioteksplaner/ny?kommun={Koping}",
            new FormUrlEncodedContent(new Dictionary<string, string>(Fields(title)) { ["__RequestVerificationToken"] = token }));

        AssertRefused(post);
        Assert.Equal(0, await CountAsync(title));
    }

    [Fact]
    public async Task Get_Create_NationalCoordinatorReadsButMayNotAdd()
    {
        var client = await app.As(Nora);
        AssertRefused((await client.GetAsync($"/biblioteksplaner/ny?kommun={Vasteras}")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/biblioteksplaner/kommun/{Vasteras}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/biblioteksplaner/ny?kommun=9999")).StatusCode);
    }

    [Fact]
    public async Task Post_Edit_CoordinatorOfOtherRegion_IsForbidden()
    {
        var title = "Biblioteksplan " + Tag();
        var id = await CreateDirectAsync(title, Vasteras);
        var sara = await app.As(Sara);
        AssertRefused((await sara.GetAsync($"/biblioteksplaner/{id}/redigera")));

        var viktor = await app.As(Viktor);
        var renamed = title + " reviderad";
        var response = await viktor.PostFormAsync($"/biblioteksplaner/{id}/redigera", Fields(renamed, "2070-03-01", "2074"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await CountAsync(renamed));
        Assert.Equal(HttpStatusCode.NotFound, (await viktor.GetAsync("/biblioteksplaner/999999/redigera")).StatusCode);
    }

    [Fact]
    public async Task Post_EndBeforeStart_RendersSwedishErrorAndSavesNothing()
    {
        var title = "Biblioteksplan " + Tag();
        var client = await app.As(Ake);

        var response = await client.PostFormAsync($"/biblioteksplaner/ny?kommun={Vasteras}", Fields(title, "2074", "2071"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Contains(doc.ErrorMessages(), m => m.Contains("kan inte sluta gälla innan den börjar"));
        Assert.Equal(0, await CountAsync(title));
    }

    [Fact]
    public async Task Post_RegionalPlan_ByOwnCoordinatorOnly()
    {
        var title = "Regional biblioteksplan " + Tag();
        var sara = await app.As(Sara);
        var token = await sara.AntiforgeryTokenAsync("/biblioteksplaner/ny?lan=12");
        var refused = await sara.PostAsync("/biblioteksplaner/ny?lan=19",
            new FormUrlEncodedContent(new Dictionary<string, string>(Fields(title)) { ["__RequestVerificationToken"] = token }));
        AssertRefused(refused);

        var viktor = await app.As(Viktor);
        var response = await viktor.PostFormAsync("/biblioteksplaner/ny?lan=19", Fields(title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = await app.WithDbAsync(db => db.LibraryPlans.SingleAsync(p => p.Title == title));
        Assert.Equal(("19", (string?)null), (plan.CountyCode!, plan.MunicipalityCode));
    }

    [Fact]
    public async Task Post_PdfUpload_IsServedOnlyAsThePlansFile()
    {
        var title = "Biblioteksplan " + Tag();
        var client = await app.As(Ake);
        var pdf = "%PDF-1.4\n% test\n"u8.ToArray();

        var response = await PostMultipartAsync(client, $"/biblioteksplaner/ny?kommun={Vasteras}", Fields(title), pdf, "plan.pdf");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await app.WithDbAsync(db => db.LibraryPlans.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());
        var file = await app.Anonymous().GetAsync($"/biblioteksplaner/{id}/fil");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());

        var withoutFile = await CreateDirectAsync("Biblioteksplan " + Tag(), Vasteras);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync($"/biblioteksplaner/{withoutFile}/fil")).StatusCode);
    }

    [Fact]
    public async Task Post_UploadThatIsNotPdf_RendersErrorAndSavesNothing()
    {
        var title = "Biblioteksplan " + Tag();
        var client = await app.As(Ake);

        var response = await PostMultipartAsync(client, $"/biblioteksplaner/ny?kommun={Vasteras}", Fields(title), "hej"u8.ToArray(), "plan.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ToDocumentAsync()).ErrorMessages(), m => m.Contains("inte en PDF"));
        Assert.Equal(0, await CountAsync(title));
    }

    /// <summary>A page refusing a signed-in user sends them to the access-denied page.</summary>
    private static void AssertRefused(HttpResponseMessage r)
    {
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("/konto/nekad", r.Headers.Location!.PathAndQuery);
    }

    private static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string url, Dictionary<string, string> fields, byte[] file, string name)
    {
        var token = await client.AntiforgeryTokenAsync(url);
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(part, "Upload", name);
        return await client.PostAsync(url, content);
    }
}
