using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.Programmes;

namespace Samverka.Tests.Features.Programmes;

/// <summary>The programme pages: public reading, creating and editing with Swedish errors, scope and optimistic concurrency.</summary>
[Collection(AppCollection.Name)]
public class ProgrammePageTests(SamverkaFactory app)
{
    private static string Plain(string s) => s.Replace('\u00A0', ' ').Replace('\u202F', ' ');

    private Task<int> CountProgrammesAsync(string name) => app.WithDbAsync(db => db.Programmes.CountAsync(p => p.Name == name));

    private static Dictionary<string, string> Form(string name, string? region = "12") => new()
    {
        ["Input.Name"] = name,
        ["Input.StartDate"] = "2018-01-01",
        ["Input.EndDate"] = "2020-12-31",
        ["Input.Regions"] = region ?? "",
        ["Input.EffectGoals"] = "Ökad digital kompetens hos personalen",
        ["Input.GoalAllMunicipalitiesReached"] = "true",
    };

    [Fact]
    public async Task Get_ProgrammeList_Anonymous_ListsProgrammes()
    {
        var created = await ProgrammeSamples.CreateAsync(app);
        var name = await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == created.ProgrammeId).Select(p => p.Name).SingleAsync());

        var doc = await app.Anonymous().GetDocumentAsync("/program");

        Assert.Contains(doc.QuerySelectorAll("td a"), a => a.TextContent == name && a.GetAttribute("href") == $"/program/{created.ProgrammeId}");
        Assert.Null(doc.QuerySelector("a[href='/program/ny']"));
    }

    [Fact]
    public async Task Get_MainNav_LinksToProgrammes()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/");
        Assert.NotNull(doc.QuerySelector("nav.main-nav a[href='/program']"));
    }

    [Fact]
    public async Task Get_ProgrammeDetails_ShowsFundingSumsPerYearAndTotal_AndOfferingRules()
    {
        var created = await ProgrammeSamples.CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            db.ProgrammeFunding.AddRange(
                new ProgrammeFunding { ProgrammeId = created.ProgrammeId, Funder = "Kungliga biblioteket", Year = 2018, AmountSek = 440_000 },
                new ProgrammeFunding { ProgrammeId = created.ProgrammeId, Funder = "Region Skåne", Year = 2018, AmountSek = 100_000 },
                new ProgrammeFunding { ProgrammeId = created.ProgrammeId, Funder = "Region Skåne", Year = 2019, AmountSek = 250_000 });
            return await db.SaveChangesAsync();
        });

        var response = await app.Anonymous().GetAsync($"/program/{created.ProgrammeId}");
        var doc = await response.ToDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var years = doc.QuerySelectorAll("tr.funding-year").Select(r => Plain(r.TextContent.Trim())).ToList();
        Assert.Contains(years, t => t.Contains("Summa 2018") && t.Contains("540 000"));
        Assert.Contains(years, t => t.Contains("Summa 2019") && t.Contains("250 000"));
        Assert.Contains("790 000", Plain(doc.QuerySelector("tr.funding-total")!.TextContent));
        var body = Plain(doc.Body!.TextContent);
        Assert.Contains("Högst 25 000 invånare (SCB 2019)", body);
        Assert.Contains("Kävlinge (beslut i styrgruppen)", body);
        Assert.NotNull(doc.QuerySelector($"a[href='/program/{created.ProgrammeId}/erbjudanden/{created.LimitedOfferingId}']"));
        // No edit link for a visitor.
        Assert.Null(doc.QuerySelector($"a[href='/program/{created.ProgrammeId}/redigera']"));
    }

    [Fact]
    public async Task Get_ProgrammeDetails_Unknown_Returns404()
    {
        var response = await app.Anonymous().GetAsync("/program/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_CreateProgramme_AsRegional_SavesRegionsFundingAndPartners()
    {
        var name = "Program " + Tag();
        var partner = await app.LibraryIdAsync("Lunds stadsbibliotek");
        var form = Form(name);
        form["Input.Funding[0].Funder"] = "Kungliga biblioteket";
        form["Input.Funding[0].Year"] = "2019";
        form["Input.Funding[0].Amount"] = "440 000";
        form["Input.Partners[0].LibraryId"] = partner.ToString();
        form["Input.Partners[0].Themes"] = "källkritik";

        var client = await app.As(Sara);
        var response = await client.PostFormAsync("/program/ny", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.WithDbAsync(db => db.Programmes.AsNoTracking().Include(p => p.Regions).Include(p => p.Funding).Include(p => p.Partners)
            .SingleAsync(p => p.Name == name));
        Assert.Equal($"/program/{saved.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(["12"], saved.Regions.Select(r => r.CountyCode));
        Assert.Equal(440_000, Assert.Single(saved.Funding).AmountSek);
        Assert.Equal("källkritik", Assert.Single(saved.Partners).Themes);
        Assert.True(saved.GoalAllMunicipalitiesReached);
    }

    [Fact]
    public async Task Post_CreateProgramme_NegativeAmount_RendersErrorAndSavesNothing()
    {
        var name = "Program " + Tag();
        var form = Form(name);
        form["Input.Funding[0].Funder"] = "Kungliga biblioteket";
        form["Input.Funding[0].Year"] = "2019";
        form["Input.Funding[0].Amount"] = "-5000";

        var response = await (await app.As(Sara)).PostFormAsync("/program/ny", form);
        var doc = await response.ToDocumentAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Beloppet på rad 1 kan inte vara negativt.", doc.ErrorMessages());
        Assert.NotNull(doc.QuerySelector("#Input_Funding\\[0\\]_Amount[aria-invalid=true]"));
        Assert.Equal(0, await CountProgrammesAsync(name));
    }

    [Fact]
    public async Task Post_CreateProgramme_FundingYearOutsidePeriod_RendersErrorAndSavesNothing()
    {
        var name = "Program " + Tag();
        var form = Form(name);
        // Row 1 left blank, as the form posts it: blank rows are skipped but keep their numbers.
        form["Input.Funding[0].Funder"] = "";
        form["Input.Funding[0].Year"] = "";
        form["Input.Funding[0].Amount"] = "";
        form["Input.Funding[1].Funder"] = "Region Skåne";
        form["Input.Funding[1].Year"] = "2021";
        form["Input.Funding[1].Amount"] = "1000";

        var response = await (await app.As(Sara)).PostFormAsync("/program/ny", form);
        var doc = await response.ToDocumentAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Året 2021 på rad 2 ligger utanför programmets period 2018–2020.", doc.ErrorMessages());
        Assert.Equal(0, await CountProgrammesAsync(name));
    }

    [Fact]
    public async Task Post_CreateProgramme_MissingNameAndRegion_RendersSwedishErrors()
    {
        var form = Form("", region: null);
        form["Input.EndDate"] = "2017-01-01";

        var response = await (await app.As(Admin)).PostFormAsync("/program/ny", form);
        var errors = (await response.ToDocumentAsync()).ErrorMessages();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ange programmets namn.", errors);
        Assert.Contains("Välj minst en region.", errors);
        Assert.Contains("Slutdatum kan inte vara före startdatum.", errors);
    }

    [Fact]
    public async Task Post_CreateProgramme_RegionOutsideCoordinatorsCounties_IsRefused()
    {
        var name = "Program " + Tag();

        var response = await (await app.As(Sara)).PostFormAsync("/program/ny", Form(name, region: "19"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Du får bara välja regioner inom dina egna län.", (await response.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(0, await CountProgrammesAsync(name));
    }

    [Fact]
    public async Task Get_CreateProgramme_AsManagerOrNational_IsDenied()
    {
        foreach (var account in new[] { Maja, Nora })
        {
            var response = await (await app.As(account)).GetAsync("/program/ny");
            Assert.True(IsDenied(response), $"{account}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Get_EditProgramme_CoordinatorOfAnotherRegion_IsDenied_AndPostChangesNothing()
    {
        var created = await ProgrammeSamples.CreateAsync(app);
        var viktor = await app.As(Viktor);

        Assert.True(IsDenied(await viktor.GetAsync($"/program/{created.ProgrammeId}/redigera")));
        // Viktor's token comes from a page he may see; the post itself must still be refused.
        var post = await viktor.PostFormAsync($"/program/{created.ProgrammeId}/redigera", Form("Kapat " + Tag(), "19"), formPage: "/konto/losenord");
        Assert.True(IsDenied(post));
        Assert.StartsWith("Testprogram", await app.WithDbAsync(db => db.Programmes.Where(p => p.Id == created.ProgrammeId).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task Post_EditProgramme_SavesChanges()
    {
        var created = await ProgrammeSamples.CreateAsync(app);
        var client = await app.As(Sara);
        var page = await client.GetDocumentAsync($"/program/{created.ProgrammeId}/redigera");
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var name = "Omdöpt " + Tag();
        var form = Form(name);
        form["Version"] = version;

        var response = await client.PostFormAsync($"/program/{created.ProgrammeId}/redigera", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await CountProgrammesAsync(name));
    }

    [Fact]
    public async Task Post_EditProgramme_StaleVersion_Returns409AndKeepsTheOtherSave()
    {
        var created = await ProgrammeSamples.CreateAsync(app);
        var client = await app.As(Sara);
        var page = await client.GetDocumentAsync($"/program/{created.ProgrammeId}/redigera");
        var staleVersion = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        // Someone else saves first.
        var theirs = "Deras " + Tag();
        var first = Form(theirs);
        first["Version"] = staleVersion;
        Assert.Equal(HttpStatusCode.Redirect, (await (await app.As(Admin)).PostFormAsync($"/program/{created.ProgrammeId}/redigera", first)).StatusCode);

        var mine = Form("Mitt " + Tag());
        mine["Version"] = staleVersion;
        var response = await client.PostFormAsync($"/program/{created.ProgrammeId}/redigera", mine);
        var doc = await response.ToDocumentAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(doc.ErrorMessages(), m => m.Contains("Någon annan har ändrat"));
        Assert.NotEqual(staleVersion, doc.QuerySelector("input[name=Version]")!.GetAttribute("value"));
        Assert.Equal(1, await CountProgrammesAsync(theirs));
    }

    internal static bool IsDenied(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/konto/nekad"));
}
