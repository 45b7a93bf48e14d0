using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.Programmes;

namespace Samverka.Tests.Features.Activities;

/// <summary>Creating and editing activities: who may, and bad input refused in Swedish with nothing changed.</summary>
[Collection(AppCollection.Name)]
public class ActivityFormTests(SamverkaFactory app)
{
    private static Dictionary<string, string> Valid(string title, string county = "12") => new()
    {
        ["Input.Title"] = title,
        ["Input.Kind"] = "Workshop",
        ["Input.CountyCode"] = county,
        ["Input.Place"] = "Malmö stadsbibliotek",
        ["Input.Capacity"] = "25",
        ["Input.Themes"] = "3",
        ["Input.OpenToOtherLibraries"] = "true",
        ["Input.Publish"] = "true",
        ["Input.Sessions[0].Date"] = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Sessions[0].Start"] = "09:00",
        ["Input.Sessions[0].End"] = "12:00",
    };

    private async Task<HttpResponseMessage> CreateAsync(string account, Dictionary<string, string> fields) =>
        await (await app.As(account)).PostFormAsync("/aktiviteter/ny", fields);

    private Task<bool> ExistsAsync(string title) => app.WithDbAsync(db => db.Activities.AnyAsync(a => a.Title == title));

    [Fact]
    public async Task Post_CoordinatorCreates_SavedAndShown()
    {
        var title = "Ny workshop " + Tag();
        var fields = Valid(title);
        fields["Input.Partners"] = "Bibliotekshögskolan i Borås";
        fields["Input.CoRegions"] = "19";

        var response = await CreateAsync(Sara, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var doc = await app.Anonymous().GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(title, doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("Bibliotekshögskolan i Borås", doc.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.Sessions[0].End", "08:00", "Tillfälle 1 slutar före eller när det börjar. Sluttiden måste vara efter starttiden.")]
    [InlineData("Input.Capacity", "0", "Antal platser måste vara minst 1.")]
    [InlineData("Input.Capacity", "-5", "Antal platser måste vara minst 1.")]
    [InlineData("Input.Capacity", "många", "Ange antal platser som ett heltal, till exempel 30.")]
    [InlineData("Input.OrganiserLibraryId", "999999", "Biblioteket finns inte. Välj ett bibliotek i listan.")]
    [InlineData("Input.CoLibraries", "999999", "Ett valt medarrangerande bibliotek finns inte.")]
    [InlineData("Input.Sessions[0].Date", "2026-13-45", "Ange datum för tillfälle 1 som ÅÅÅÅ-MM-DD, till exempel 2026-03-12.")]
    [InlineData("Input.RegistrationCloses", "2999-01-01 10:00", "Tillfälle 1 börjar innan anmälan stänger. Låt anmälan stänga före första tillfället.")]
    [InlineData("Input.Title", "", "Ange aktivitetens titel.")]
    public async Task Post_BadInput_RendersSwedishErrorAndSavesNothing(string field, string value, string message)
    {
        var title = "Felaktig " + Tag();
        var fields = Valid(title);
        fields[field] = value;

        var response = await CreateAsync(Sara, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ToDocumentAsync()).ErrorMessages());
        Assert.False(await ExistsAsync(title));
    }

    [Fact]
    public async Task Post_SessionOutsideProgrammePeriod_Refused()
    {
        var title = "Utanför programmet " + Tag();
        var fields = Valid(title);
        fields["Input.ProgrammeId"] = (await app.WithDbAsync(db => db.Programmes.Where(p => p.Name == ProgrammeDemoData.Name).Select(p => p.Id).SingleAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await CreateAsync(Sara, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ToDocumentAsync()).ErrorMessages(), m => m.Contains("ligger utanför programmets period 2018-12-01–2020-12-31", StringComparison.Ordinal));
        Assert.False(await ExistsAsync(title));
    }

    [Fact]
    public async Task Post_RegionFundedButClosedToOtherLibraries_Refused()
    {
        var title = "Stängd " + Tag();
        var fields = Valid(title);
        fields["Input.OrganiserLibraryId"] = (await app.LibraryIdAsync("Malmö stadsbibliotek")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["Input.RegionFunded"] = "true";
        fields["Input.OpenToOtherLibraries"] = "false";

        var response = await CreateAsync(Maja, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("En aktivitet med finansiering från regionen måste vara öppen för personal från andra bibliotek.", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.False(await ExistsAsync(title));
    }

    [Fact]
    public async Task Post_ManagerCreatesForOwnLibrary_Allowed_ForOtherRegion_Refused()
    {
        var own = Valid("Eget bibliotek " + Tag());
        own["Input.OrganiserLibraryId"] = (await app.LibraryIdAsync("Malmö stadsbibliotek")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await CreateAsync(Maja, own)).StatusCode);

        var regionTitle = "Regionens " + Tag();
        var response = await CreateAsync(Maja, Valid(regionTitle, county: "12"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await ExistsAsync(regionTitle));
    }

    [Fact]
    public async Task Get_Create_Staff_Forbidden_Edit_OtherRegionsCoordinator_Forbidden()
    {
        Assert.True(IsDenied(await (await app.As(Hugo)).GetAsync("/aktiviteter/ny")));
        var skane = await ActivitySamples.CreateAsync(app, county: "12");
        Assert.True(IsDenied(await (await app.As(Viktor)).GetAsync($"/aktiviteter/{skane}/redigera")));
        var title = await app.WithDbAsync(db => db.Activities.Where(a => a.Id == skane).Select(a => a.Title).SingleAsync());
        var post = await (await app.As(Viktor)).PostFormAsync($"/aktiviteter/{skane}/redigera", Valid("Kapad " + Tag(), "19"), formPage: "/aktiviteter/ny");
        Assert.True(IsDenied(post));
        Assert.True(await ExistsAsync(title));
    }

    [Fact]
    public async Task Post_CancelActivity_EmailsRegistrantsAndMarksCancelled()
    {
        var id = await ActivitySamples.CreateAsync(app, county: "12");
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.As(Hugo)).PostFormAsync($"/aktiviteter/{id}?handler=Register", [], formPage: $"/aktiviteter/{id}")).StatusCode);

        var response = await (await app.As(Sara)).PostFormAsync($"/aktiviteter/{id}/redigera?handler=CancelActivity",
            new() { ["Reason"] = "Föreläsaren är sjuk" }, formPage: $"/aktiviteter/{id}/redigera");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ActivityStatus.Cancelled, await app.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        var mail = (await ActivitySamples.MailToAsync(app, Hugo)).Last();
        Assert.StartsWith("Inställd:", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Föreläsaren är sjuk", mail.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EditRaisesCapacity_PromotesWaiting()
    {
        var id = await ActivitySamples.CreateAsync(app, county: "12", capacity: 1);
        var people = await ActivitySamples.PeopleAsync(app, 2);
        foreach (var p in people)
            Assert.Equal(HttpStatusCode.Redirect, (await (await app.As(Admin)).PostFormAsync($"/aktiviteter/{id}?handler=Register",
                new() { ["PersonId"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPage: $"/aktiviteter/{id}")).StatusCode);
        var sara = await app.As(Sara);
        var form = await sara.GetDocumentAsync($"/aktiviteter/{id}/redigera");
        var fields = form.QuerySelectorAll("form.stacked input[name], form.stacked select[name], form.stacked textarea[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "radio") || e.HasAttribute("checked"))
            .Where(e => e.GetAttribute("name") != "__RequestVerificationToken")
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First() is AngleSharp.Html.Dom.IHtmlSelectElement s ? s.Value ?? "" : g.First().GetAttribute("value") ?? g.First().TextContent);
        fields["Input.Capacity"] = "2";

        var response = await sara.PostFormAsync($"/aktiviteter/{id}/redigera", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(2, (await ActivitySamples.CountsAsync(app, id))[RegistrationStatus.Confirmed]);
    }
}
