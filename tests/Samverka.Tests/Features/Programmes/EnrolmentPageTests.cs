using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.Programmes;

/// <summary>The offering page: eligibility per municipality for everyone, and enrolment for editors in scope.</summary>
[Collection(AppCollection.Name)]
public class EnrolmentPageTests(SamverkaFactory app)
{
    private static string Plain(string s) => s.Replace('\u00A0', ' ').Replace('\u202F', ' ');
    private static string Url(ProgrammeSamples.Created p, int offering) => $"/program/{p.ProgrammeId}/erbjudanden/{offering}";

    private Task<int> EnrolmentsAsync(int offering, string code) =>
        app.WithDbAsync(db => db.Enrolments.CountAsync(e => e.OfferingId == offering && e.MunicipalityCode == code));

    private async Task<HttpResponseMessage> EnrolAsync(string account, ProgrammeSamples.Created p, int offering, string code, string year)
    {
        var client = await app.As(account);
        return await client.PostFormAsync(Url(p, offering) + "?handler=Enrol",
            new() { ["Input.MunicipalityCode"] = code, ["Input.Year"] = year }, formPage: Url(p, offering));
    }

    [Fact]
    public async Task Get_Offering_Anonymous_ShowsOutcomeAndReasonForEveryMunicipality()
    {
        var p = await ProgrammeSamples.CreateAsync(app);

        var doc = await app.Anonymous().GetDocumentAsync(Url(p, p.LimitedOfferingId));

        var rows = doc.QuerySelectorAll("#eligibility tbody tr");
        Assert.Equal(33, rows.Length);
        var kavlinge = rows.Single(r => r.GetAttribute("data-code") == "1261");
        Assert.Equal("AdmittedByException", kavlinge.GetAttribute("data-status"));
        Assert.Contains("Kävlinge: 31 705 inv. 2019 > 25 000, antagen som undantag: beslut i styrgruppen", Plain(kavlinge.TextContent));
        Assert.Contains("Malmö: 344 166 inv. 2019 > 25 000", Plain(rows.Single(r => r.GetAttribute("data-code") == "1280").TextContent));
        Assert.Contains("20 av 33 kommuner", Plain(doc.Body!.TextContent));
        Assert.Null(doc.QuerySelector("form[action*=Enrol]")); // no enrol form for visitors
    }

    [Fact]
    public async Task Post_EnrolEligibleMunicipality_SavesAndListsIt()
    {
        var p = await ProgrammeSamples.CreateAsync(app);

        var response = await EnrolAsync(Sara, p, p.LimitedOfferingId, "1275", "2019"); // Perstorp

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await EnrolmentsAsync(p.LimitedOfferingId, "1275"));
        var doc = await app.Anonymous().GetDocumentAsync(Url(p, p.LimitedOfferingId));
        Assert.Contains("Perstorp", doc.QuerySelector("#enrolments")!.TextContent);
    }

    [Fact]
    public async Task Post_EnrolIneligibleMunicipality_RendersError()
    {
        var p = await ProgrammeSamples.CreateAsync(app);

        var response = await EnrolAsync(Sara, p, p.LimitedOfferingId, "1280", "2019"); // Malmö
        var doc = await response.ToDocumentAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Malmö uppfyller inte villkoren för Ledarpaket: Malmö: 344 166 inv. 2019 > 25 000.", doc.ErrorMessages().Select(Plain));
        Assert.Equal(0, await EnrolmentsAsync(p.LimitedOfferingId, "1280"));
    }

    [Fact]
    public async Task Post_EnrolRecordedException_IsAdmitted()
    {
        var p = await ProgrammeSamples.CreateAsync(app);

        var response = await EnrolAsync(Sara, p, p.LimitedOfferingId, "1261", "2020"); // Kävlinge

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await EnrolmentsAsync(p.LimitedOfferingId, "1261"));
    }

    [Fact]
    public async Task Post_EnrolYearOutsidePeriod_RendersError()
    {
        var p = await ProgrammeSamples.CreateAsync(app);

        var response = await EnrolAsync(Sara, p, p.OpenOfferingId, "1280", "2021");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Året 2021 ligger utanför programmets period 2018–2020.", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(0, await EnrolmentsAsync(p.OpenOfferingId, "1280"));
    }

    [Fact]
    public async Task Post_EnrolUnknownMunicipality_RendersError()
    {
        var p = await ProgrammeSamples.CreateAsync(app);

        var response = await EnrolAsync(Sara, p, p.OpenOfferingId, "9999", "2019");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ToDocumentAsync()).ErrorMessages(), m => m.StartsWith("Kommunen 9999 finns inte."));
    }

    [Fact]
    public async Task Post_EnrolMunicipalityOutsideTheProgramme_RendersError()
    {
        var p = await ProgrammeSamples.CreateAsync(app);

        var response = await EnrolAsync(Admin, p, p.OpenOfferingId, "1980", "2019"); // Västerås

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Västerås ligger utanför Startpakets område och kan inte anslutas.", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(0, await EnrolmentsAsync(p.OpenOfferingId, "1980"));
    }

    [Fact]
    public async Task Post_EnrolDuplicate_Returns409WithMessage()
    {
        var p = await ProgrammeSamples.CreateAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await EnrolAsync(Sara, p, p.OpenOfferingId, "1265", "2019")).StatusCode);

        var response = await EnrolAsync(Admin, p, p.OpenOfferingId, "1265", "2019");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Sjöbo är redan anslutet till Startpaket för 2019.", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(1, await EnrolmentsAsync(p.OpenOfferingId, "1265"));
    }

    [Fact]
    public async Task Post_EnrolSameMunicipalityInAnotherYear_IsAllowed()
    {
        var p = await ProgrammeSamples.CreateAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await EnrolAsync(Sara, p, p.OpenOfferingId, "1265", "2018")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await EnrolAsync(Sara, p, p.OpenOfferingId, "1265", "2019")).StatusCode);
        Assert.Equal(2, await EnrolmentsAsync(p.OpenOfferingId, "1265"));
    }

    [Fact]
    public async Task Post_EnrolAsCoordinatorOfAnotherRegionOrReader_IsDenied()
    {
        var p = await ProgrammeSamples.CreateAsync(app);

        foreach (var account in new[] { Viktor, Nora, Maja })
        {
            var response = await EnrolAsync(account, p, p.OpenOfferingId, "1265", "2019");
            Assert.True(ProgrammePageTests.IsDenied(response), $"{account}: {(int)response.StatusCode}");
        }
        Assert.Equal(0, await EnrolmentsAsync(p.OpenOfferingId, "1265"));
    }

    [Fact]
    public async Task Post_Unenrol_RemovesTheEnrolment()
    {
        var p = await ProgrammeSamples.CreateAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await EnrolAsync(Sara, p, p.OpenOfferingId, "1276", "2019")).StatusCode); // Klippan
        var client = await app.As(Sara);
        var doc = await client.GetDocumentAsync(Url(p, p.OpenOfferingId));
        var id = doc.QuerySelector("#enrolments input[name=EnrolmentId]")!.GetAttribute("value")!;

        var response = await client.PostFormAsync(Url(p, p.OpenOfferingId) + "?handler=Unenrol", new() { ["EnrolmentId"] = id }, formPage: Url(p, p.OpenOfferingId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await EnrolmentsAsync(p.OpenOfferingId, "1276"));
    }

    [Fact]
    public async Task Post_CreateOffering_WithPopulationRuleAndException_Saves()
    {
        var p = await ProgrammeSamples.CreateAsync(app);
        var url = $"/program/{p.ProgrammeId}/erbjudanden/ny";

        var response = await (await app.As(Sara)).PostFormAsync(url, new()
        {
            ["Input.Name"] = "Folkpaket",
            ["Input.Rule"] = "population",
            ["Input.MaxPopulation"] = "15 000",
            ["Input.PopulationYear"] = "2024",
            ["Input.Exceptions[0].MunicipalityCode"] = "1285", // Eslöv
            ["Input.Exceptions[0].Reason"] = "beslut 2019-03-01",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDbAsync(db => db.Offerings.AsNoTracking().Include(o => o.Exceptions).SingleAsync(o => o.ProgrammeId == p.ProgrammeId && o.Name == "Folkpaket"));
        Assert.Equal((15_000, 2024), (saved.MaxPopulation!.Value, saved.PopulationYear!.Value));
        Assert.Equal("1285", Assert.Single(saved.Exceptions).MunicipalityCode);
    }

    [Fact]
    public async Task Post_CreateOffering_BadRuleAndExceptionWithoutReason_RendersErrorsAndSavesNothing()
    {
        var p = await ProgrammeSamples.CreateAsync(app);
        var url = $"/program/{p.ProgrammeId}/erbjudanden/ny";

        var response = await (await app.As(Admin)).PostFormAsync(url, new()
        {
            ["Input.Name"] = "Ledarpaket", // already in the programme
            ["Input.Rule"] = "population",
            ["Input.MaxPopulation"] = "-3",
            ["Input.PopulationYear"] = "2020",
            ["Input.Exceptions[0].MunicipalityCode"] = "1980", // Västerås, outside Skåne
            ["Input.Exceptions[1].MunicipalityCode"] = "1285",
        });
        var errors = (await response.ToDocumentAsync()).ErrorMessages();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Programmet har redan ett paket som heter Ledarpaket.", errors);
        Assert.Contains("Ange högsta antal invånare som ett positivt heltal, till exempel 25 000.", errors);
        Assert.Contains("Välj befolkningsår 2019 eller 2024.", errors);
        Assert.Contains("Västerås i undantag 1 ligger utanför paketets område.", errors);
        Assert.Contains("Ange skälet till undantag 2, till exempel beslutet.", errors);
        Assert.Equal(2, await app.WithDbAsync(db => db.Offerings.CountAsync(o => o.ProgrammeId == p.ProgrammeId)));
    }

    [Fact]
    public async Task Post_EditOffering_RemovesException_AndKavlingeIsThenRefused()
    {
        var p = await ProgrammeSamples.CreateAsync(app);
        var url = $"/program/{p.ProgrammeId}/erbjudanden/{p.LimitedOfferingId}/redigera";

        var response = await (await app.As(Sara)).PostFormAsync(url, new()
        {
            ["Input.Name"] = "Ledarpaket",
            ["Input.Rule"] = "population",
            ["Input.MaxPopulation"] = "25000",
            ["Input.PopulationYear"] = "2019",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var refused = await EnrolAsync(Sara, p, p.LimitedOfferingId, "1261", "2019");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, await EnrolmentsAsync(p.LimitedOfferingId, "1261"));
    }
}
