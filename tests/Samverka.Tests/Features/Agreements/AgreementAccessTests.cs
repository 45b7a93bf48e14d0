using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.Agreements;

/// <summary>A library sees only the agreements it is party to; only the region's coordinator changes them.</summary>
[Collection(AppCollection.Name)]
public class AgreementAccessTests(SamverkaFactory app)
{
    [Fact]
    public async Task LibraryStaff_SeesOnlyTheirLibrarysAgreement()
    {
        var hugo = await app.As(Hugo); // Helsingborgs stadsbibliotek
        var doc = await hugo.GetDocumentAsync("/overenskommelser");
        var titles = doc.QuerySelectorAll("tbody th a").Select(a => a.TextContent).ToList();
        Assert.Contains(Samverka.Web.Features.Agreements.AgreementDemoData.HelsingborgTitle, titles);
        Assert.DoesNotContain(Samverka.Web.Features.Agreements.AgreementDemoData.MalmoTitle, titles);
        var malmo = await app.MalmoAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync($"/overenskommelser/{malmo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync($"/overenskommelser/{malmo}?handler=Docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync($"/api/v1/agreements/{malmo}")).StatusCode);
        var api = await hugo.GetFromJsonAsync<JsonElement>("/api/v1/agreements");
        Assert.All(api.EnumerateArray(), a => Assert.NotEqual(malmo, a.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task LibraryManager_ReadsTheirMunicipalitysAgreement_ButCannotChangeIt()
    {
        var maja = await app.As(Maja); // Malmö
        var malmo = await app.MalmoAsync();
        Assert.Equal(HttpStatusCode.OK, (await maja.GetAsync($"/overenskommelser/{malmo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await maja.GetAsync($"/overenskommelser/{await app.HelsingborgAsync()}")).StatusCode);
        var token = await maja.AntiforgeryTokenAsync($"/overenskommelser/{malmo}");
        var amend = await maja.PostAsync($"/overenskommelser/{malmo}?handler=Amend",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.True(IsDenied(amend));
        var put = await maja.PutAsJsonAsync($"/api/v1/agreements/{malmo}", new { title = "Ändrad" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(Samverka.Web.Features.Agreements.AgreementDemoData.MalmoTitle, (await app.AgreementAsync(malmo)).Title);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Agreements.Count(a => a.AmendsAgreementId == malmo))));
    }

    [Fact]
    public async Task NationalCoordinator_ReadsAll_ChangesNothing()
    {
        var nora = await app.As(Nora);
        var doc = await nora.GetDocumentAsync("/overenskommelser");
        Assert.True(doc.QuerySelectorAll("tbody tr").Length >= 4);
        Assert.Null(doc.QuerySelector("a[href='/overenskommelser/ny']"));
        Assert.True(IsDenied(await nora.GetAsync("/overenskommelser/ny")));
        Assert.True(IsDenied(await nora.GetAsync($"/overenskommelser/{await app.MalmoAsync()}/projektavtal/ny")));
    }

    [Fact]
    public async Task OtherRegionsCoordinator_DoesNotSeeSkaneAgreements()
    {
        var viktor = await app.As(Viktor); // Västmanland
        Assert.Equal(HttpStatusCode.NotFound, (await viktor.GetAsync($"/overenskommelser/{await app.MalmoAsync()}")).StatusCode);
        var response = await viktor.PostFormAsync("/overenskommelser/ny", AgreementSupport.DraftFields("Skåne " + UniqueText.Letters(), "2021-01-01", "2022-12-31"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ToDocumentAsync()).ErrorMessages(), m => m.Contains("dina egna regioner"));
    }

    [Fact]
    public async Task Anonymous_SeesNothing()
    {
        var anonymous = app.Anonymous();
        var page = await anonymous.GetAsync($"/overenskommelser/{await app.MalmoAsync()}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/konto/logga-in", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/agreements")).StatusCode);
    }
}
