using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Activities;

namespace Samverka.Tests.Features.Agreements;

/// <summary>Creating, validating, signing, amending, renewing and terminating agreements through the pages.</summary>
[Collection(AppCollection.Name)]
public class AgreementPageTests(SamverkaFactory app)
{
    private Task<int> CountAsync() => app.WithDbAsync(db => db.Agreements.CountAsync());

    [Fact]
    public async Task Post_Create_ValidDraft_SavesWithFollowUpsInsideThePeriod()
    {
        var client = await app.As(Sara);
        var title = "Överenskommelse " + UniqueText.Letters();
        var id = await client.CreateDraftAsync(AgreementSupport.DraftFields(title, "2018-12-01", "2020-12-31"));
        var a = await app.AgreementAsync(id);
        Assert.Equal(title, a.Title);
        Assert.Equal(2, a.Parties.Count);
        Assert.Equal("1281", a.Parties[1].MunicipalityCode);
        Assert.Equal(4, a.FollowUps.Count);
        Assert.All(a.FollowUps, f => Assert.InRange(f.DueOn, a.ValidFrom, a.ValidTo));
        var doc = await client.GetDocumentAsync($"/overenskommelser/{id}");
        Assert.Contains("Utkast", doc.QuerySelector(".facts")!.TextContent);
    }

    [Theory]
    [InlineData("2020-12-31", "2018-12-01", "6", "Slutdatum måste vara efter startdatum.")]
    [InlineData("2020-01-01", "2020-03-01", "6", "Med 6 månaders intervall hamnar ingen avstämning inom perioden")]
    [InlineData("2020-01-01", "2020-31-12", "6", "Ange giltig till som ÅÅÅÅ-MM-DD")]
    [InlineData("2020-01-01", "2021-01-01", "noll", "Ange intervallet för avstämning i hela månader")]
    public async Task Post_Create_InvalidPeriod_RendersSwedishErrorAndSavesNothing(string from, string to, string interval, string message)
    {
        var client = await app.As(Sara);
        var before = await CountAsync();
        var response = await client.PostFormAsync("/overenskommelser/ny", AgreementSupport.DraftFields("Ogiltig " + UniqueText.Letters(), from, to, interval));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Contains(doc.ErrorMessages(), m => m.Contains(message));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Post_Create_DuplicateRegistryNumberInRegion_IsRefused()
    {
        var client = await app.As(Sara);
        var response = await client.PostFormAsync("/overenskommelser/ny",
            AgreementSupport.DraftFields("Dubblett " + UniqueText.Letters(), "2021-01-01", "2022-12-31", registry: AgreementDemoData.HelsingborgRegistryNumber));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ToDocumentAsync()).ErrorMessages(), m => m.Contains("2019-000153 används redan"));
    }

    [Fact]
    public async Task Post_Create_PartyLibraryOutsideTheRegion_IsRefused()
    {
        var client = await app.As(Sara);
        var vasteras = await app.LibraryIdAsync("Västerås stadsbibliotek");
        var response = await client.PostFormAsync("/overenskommelser/ny",
            AgreementSupport.DraftFields("Fel region " + UniqueText.Letters(), "2021-01-01", "2022-12-31", libraryId: vasteras));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ToDocumentAsync()).ErrorMessages(), m => m.Contains("finns inte i regionen"));
    }

    [Fact]
    public async Task SignedAgreement_RefusesEdits_OnThePage()
    {
        var client = await app.As(Sara);
        var id = await client.CreateSignedAsync("Undertecknad " + UniqueText.Letters(), "2019-01-01", "2020-12-31", "2018-12-20");
        var before = await app.AgreementAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync($"/overenskommelser/{id}/redigera")).StatusCode);
        // A post crafted without the page (the token comes from another form) changes nothing either.
        var token = await client.AntiforgeryTokenAsync("/overenskommelser/ny");
        var post = await client.PostAsync($"/overenskommelser/{id}/redigera", new FormUrlEncodedContent(
            new Dictionary<string, string>(AgreementSupport.DraftFields("Ändrad", "2019-01-01", "2020-12-31")) { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Equal(before.Title, (await app.AgreementAsync(id)).Title);
    }

    [Fact]
    public async Task Sign_RecordsPlaceDateAndSignatories_FutureDateIsRefused()
    {
        var client = await app.As(Sara);
        var id = await client.CreateDraftAsync(AgreementSupport.DraftFields("Signering " + UniqueText.Letters(), "2019-01-01", "2020-12-31"));
        var future = await client.SignAsync(id, DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Null((await app.AgreementAsync(id)).SignedOn);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignAsync(id, "2018-12-20")).StatusCode);
        var a = await app.AgreementAsync(id);
        Assert.Equal(new DateOnly(2018, 12, 20), a.SignedOn);
        Assert.Equal("Lund", a.SignedPlace);
        Assert.Equal("Lars Exempel", a.Parties.Single(p => p.SortOrder == 1).SignatoryName);
        Assert.Equal("Bibliotekschef", a.Parties.Single(p => p.SortOrder == 1).SignatoryTitle);
        var doc = await client.GetDocumentAsync($"/overenskommelser/{id}");
        Assert.Contains("Avslutad", doc.QuerySelector(".facts")!.TextContent); // 2020 is past: ended by date
    }

    [Fact]
    public async Task Amend_CreatesVersionTwoLinkedToTheFirst_BothReadable()
    {
        var client = await app.As(Sara);
        var id = await client.CreateSignedAsync("Ändras " + UniqueText.Letters(), "2019-01-01", "2020-12-31", "2018-12-20");
        var response = await client.PostFormAsync($"/overenskommelser/{id}?handler=Amend", [], $"/overenskommelser/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newId = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        var amendment = await app.AgreementAsync(newId);
        Assert.Equal(id, amendment.AmendsAgreementId);
        Assert.Equal(2, amendment.VersionNumber);
        Assert.Null(amendment.SignedOn);
        Assert.NotNull((await app.AgreementAsync(id)).SignedOn);
        var first = await client.GetDocumentAsync($"/overenskommelser/{id}");
        var second = await client.GetDocumentAsync($"/overenskommelser/{newId}");
        Assert.Contains("Version 2", first.Body!.TextContent);
        Assert.Contains("Version 1", second.Body!.TextContent);
        // The draft amendment is editable; a second amendment while it exists is refused.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/overenskommelser/{newId}/redigera")).StatusCode);
        var again = await client.PostFormAsync($"/overenskommelser/{id}?handler=Amend", [], $"/overenskommelser/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task Terminate_WithoutReason_IsRefused_WithReason_StatusIsTerminated()
    {
        var client = await app.As(Sara);
        var id = await client.CreateSignedAsync("Sägs upp " + UniqueText.Letters(), "2019-01-01", "2020-12-31", "2018-12-20");
        var bad = await client.PostFormAsync($"/overenskommelser/{id}?handler=Terminate", new() { ["TerminatedOn"] = "2019-09-01", ["TerminationReason"] = "" }, $"/overenskommelser/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains((await bad.ToDocumentAsync()).ErrorMessages(), m => m.Contains("Ange skälet"));
        Assert.Null((await app.AgreementAsync(id)).TerminatedOn);
        var outside = await client.PostFormAsync($"/overenskommelser/{id}?handler=Terminate", new() { ["TerminatedOn"] = "2022-01-01", ["TerminationReason"] = "Omorganisation" }, $"/overenskommelser/{id}");
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        var ok = await client.PostFormAsync($"/overenskommelser/{id}?handler=Terminate", new() { ["TerminatedOn"] = "2019-09-01", ["TerminationReason"] = "Omorganisation" }, $"/overenskommelser/{id}");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var doc = await client.GetDocumentAsync($"/overenskommelser/{id}");
        Assert.Contains("Uppsagd", doc.QuerySelector(".facts")!.TextContent);
    }

    [Fact]
    public async Task Renewal_EndingWithin90Days_IsFlagged_AndCopiedToADraftForTheNextPeriod()
    {
        var client = await app.As(Sara);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = today.AddMonths(-7);
        var to = today.AddDays(30);
        var title = "Förnyas " + UniqueText.Letters();
        var id = await client.CreateSignedAsync(title, from.ToString("yyyy-MM-dd"), to.ToString("yyyy-MM-dd"), from.ToString("yyyy-MM-dd"));
        var overview = await client.GetDocumentAsync("/overenskommelser");
        var row = overview.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(title));
        Assert.Contains("Upphör snart", row.TextContent);
        var response = await client.PostFormAsync($"/overenskommelser/{id}?handler=Renew", [], $"/overenskommelser/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var copy = await app.AgreementAsync(int.Parse(response.Headers.Location!.OriginalString.Split('/').Last()));
        Assert.Equal(to.AddDays(1), copy.ValidFrom);
        Assert.Null(copy.SignedOn);
        Assert.Null(copy.AmendsAgreementId);
        Assert.Equal(title, copy.Title);
        Assert.Equal(2, copy.Parties.Count);
    }

    [Fact]
    public async Task Edit_FromAStaleForm_IsRefusedWith409AndChangesNothing()
    {
        var client = await app.As(Sara);
        var title = "Samtidig " + UniqueText.Letters();
        var id = await client.CreateDraftAsync(AgreementSupport.DraftFields(title, "2021-01-01", "2022-12-31"));
        var form = await client.GetDocumentAsync($"/overenskommelser/{id}/redigera");
        var staleVersion = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var first = new Dictionary<string, string>(AgreementSupport.DraftFields(title + " ett", "2021-01-01", "2022-12-31")) { ["Version"] = staleVersion };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/overenskommelser/{id}/redigera", first)).StatusCode);
        var second = new Dictionary<string, string>(AgreementSupport.DraftFields(title + " två", "2021-01-01", "2022-12-31")) { ["Version"] = staleVersion };
        var response = await client.PostFormAsync($"/overenskommelser/{id}/redigera", second);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(title + " ett", (await app.AgreementAsync(id)).Title);
    }

    [Fact]
    public async Task FollowUp_Record_OutsideThePeriod_IsRefused_InsideIsSavedWithProgress()
    {
        var client = await app.As(Sara);
        var id = await client.CreateSignedAsync("Avstäms " + UniqueText.Letters(), "2019-01-01", "2020-12-31", "2018-12-20");
        var a = await app.AgreementAsync(id);
        var followUp = a.FollowUps.OrderBy(f => f.DueOn).First();
        var area = a.Areas.Single();
        var url = $"/overenskommelser/{id}/avstamningar/{followUp.Id}";
        var outside = await client.PostFormAsync(url, new() { ["HeldOn"] = "2021-02-01", ["Participants"] = "Sara, Lars", [$"Progress[{area.Id}]"] = "Yes" });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains((await outside.ToDocumentAsync()).ErrorMessages(), m => m.Contains("inom överenskommelsens period"));
        var noProgress = await client.PostFormAsync(url, new() { ["HeldOn"] = "2019-07-03", ["Participants"] = "Sara, Lars" });
        Assert.Equal(HttpStatusCode.BadRequest, noProgress.StatusCode);
        var ok = await client.PostFormAsync(url, new() { ["HeldOn"] = "2019-07-03", ["Participants"] = "Sara, Lars", ["Decisions"] = "Två workshoppar", [$"Progress[{area.Id}]"] = "Partly" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var saved = await app.WithDbAsync(db => db.AgreementFollowUps.Include(f => f.Progress).SingleAsync(f => f.Id == followUp.Id));
        Assert.Equal(new DateOnly(2019, 7, 3), saved.HeldOn);
        Assert.Equal(AreaProgress.Partly, saved.Progress.Single().Progress);
    }

    [Fact]
    public async Task ProjectAgreement_NegativeAmount_IsRefused_ValidIsListed()
    {
        var client = await app.As(Sara);
        var id = await app.MalmoAsync();
        var url = $"/overenskommelser/{id}/projektavtal/ny";
        var bad = await client.PostFormAsync(url, new() { ["Title"] = "Projekt", ["FundingAmount"] = "-5", ["FundingYear"] = "2019" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badYear = await client.PostFormAsync(url, new() { ["Title"] = "Projekt", ["FundingAmount"] = "50 000", ["FundingYear"] = "2024" });
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        var title = "Lärplattform " + UniqueText.Letters();
        var ok = await client.PostFormAsync(url, new()
        {
            ["Title"] = title, ["Goals"] = "Fler medarbetare", ["Purpose"] = "Kompetens", ["FundingAmount"] = "50 000",
            ["FundingSource"] = "Region Skåne", ["FundingYear"] = "2019", ["Implementation"] = "Workshoppar",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var doc = await client.GetDocumentAsync($"/overenskommelser/{id}");
        Assert.Contains(title, doc.Body!.TextContent);
        Assert.Contains("50 000 kr", doc.Body!.TextContent.Replace('\u00a0', ' '));
    }

    [Fact]
    public async Task ProjectAgreement_LinksTheRegionsActivities_AndRefusesAnotherRegions()
    {
        var client = await app.As(Sara);
        var id = await client.CreateSignedAsync("Projekt " + UniqueText.Letters(), "2019-01-01", "2020-12-31", "2018-12-20");
        Activity Make(string county) => new()
        {
            Uid = Guid.NewGuid(), Title = "Workshop " + UniqueText.Letters(), CountyCode = county, Capacity = 20,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        var (skane, vastmanland) = await app.WithDbAsync(async db =>
        {
            var a = Make("12");
            var b = Make("19");
            db.Activities.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a, b);
        });
        var url = $"/overenskommelser/{id}/projektavtal/ny";
        var refused = await client.PostFormAsync(url, new() { ["Title"] = "Fel region", ["ActivityIds"] = vastmanland.Id.ToString() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains((await refused.ToDocumentAsync()).ErrorMessages(), m => m.Contains("regionens lista"));
        var ok = await client.PostFormAsync(url, new() { ["Title"] = "Rätt region", ["ActivityIds"] = skane.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var linked = await app.WithDbAsync(db => db.ProjectAgreementActivities.Where(x => x.ProjectAgreement!.AgreementId == id).Select(x => x.ActivityId).ToListAsync());
        Assert.Equal([skane.Id], linked);
        Assert.Contains(skane.Title, (await client.GetDocumentAsync($"/overenskommelser/{id}")).Body!.TextContent);
    }

    [Fact]
    public async Task Create_TwoAtOnceWithTheSameRegistryNumber_SavesOne()
    {
        var client = await app.As(Sara);
        var registry = "2099-" + UniqueText.Letters(6);
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => client.PostFormAsync("/overenskommelser/ny",
            AgreementSupport.DraftFields($"Samtidigt {i} " + UniqueText.Letters(), "2021-01-01", "2022-12-31", registry: registry))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect),
            r => Assert.True(r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict));
        Assert.Equal(1, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.RegistryNumber == registry)));
    }
}
