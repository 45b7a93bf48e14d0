using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.SelfAssessment;

namespace Samverka.Tests.Features.SelfAssessment;

[Collection(AppCollection.Name)]
public class InstrumentAndRoundTests(SamverkaFactory app)
{
    private Task<int> DefaultInstrumentIdAsync() => app.WithDbAsync(db => db.AssessmentInstruments.OrderBy(i => i.VersionNumber).Select(i => i.Id).FirstAsync());

    [Fact]
    public void DefaultInstrument_CoversAll21Competences()
    {
        Assert.Equal(24, DefaultInstrument.Statements.Count);
        Assert.Equal(DigComp.Competences.Select(c => c.Code).Order(), DefaultInstrument.Statements.Select(s => s.Code).Distinct().Order());
    }

    [Fact]
    public async Task Get_Instruments_Public_ShowsStatementsAndAttribution()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/sjalvskattning/instrument");
        Assert.Contains("Används i en mätomgång", doc.Body!.TextContent);
        Assert.Contains("CC BY 4.0", doc.QuerySelector(".attribution")!.TextContent);
        Assert.Null(doc.QuerySelector("a[href$='/ny-version']")); // not for visitors
    }

    [Fact]
    public async Task Post_EditInstrumentInUse_IsRefusedAndUnchanged()
    {
        var id = await DefaultInstrumentIdAsync(); // the demo rounds use it
        var admin = await app.As(Admin);

        var get = await admin.GetAsync($"/sjalvskattning/instrument/{id}/redigera");
        var post = await admin.PostFormAsync($"/sjalvskattning/instrument/{id}/redigera",
            new() { ["Input.Name"] = "Ändrad", ["Input.Rows[0].CompetenceCode"] = "1.1", ["Input.Rows[0].Text"] = "Ändrad text" },
            formPage: $"/sjalvskattning/instrument/{id}/ny-version");

        Assert.Equal(HttpStatusCode.Conflict, get.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        Assert.Contains("kan inte ändras", await post.Content.ReadAsStringAsync());
        var name = await app.WithDbAsync(db => db.AssessmentInstruments.Where(i => i.Id == id).Select(i => i.Name).FirstAsync());
        Assert.Equal(DefaultInstrument.Name, name);
    }

    [Fact]
    public async Task Database_RefusesChangingAnInstrumentInUse()
    {
        var id = await DefaultInstrumentIdAsync();
        var ex = await Assert.ThrowsAsync<PostgresException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("UPDATE sa_items SET text = 'x' WHERE instrument_id = {0}", id)));
        Assert.Contains("cannot be changed", ex.MessageText);
        await Assert.ThrowsAsync<PostgresException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("INSERT INTO sa_items (instrument_id, sort_order, competence_code, text) VALUES ({0}, 999, '1.1', 'x')", id)));
    }

    [Fact]
    public async Task Post_NewVersion_CopiesEditsAndNeedsAllCompetences()
    {
        var id = await DefaultInstrumentIdAsync();
        var admin = await app.As(Admin);
        var fields = new Dictionary<string, string> { ["Input.Name"] = "Version " + UniqueText.Letters(6) };
        for (var i = 0; i < DefaultInstrument.Statements.Count; i++)
        {
            fields[$"Input.Rows[{i}].CompetenceCode"] = DefaultInstrument.Statements[i].Code;
            fields[$"Input.Rows[{i}].Text"] = i == 0 ? "Jag kan hjälpa en besökare att söka i bibliotekets katalog." : DefaultInstrument.Statements[i].Text;
        }
        var missing = new Dictionary<string, string>(fields) { ["Input.Rows[19].Text"] = "" }; // 4.4's only statement

        var refused = await admin.PostFormAsync($"/sjalvskattning/instrument/{id}/ny-version", missing);
        var created = await admin.PostFormAsync($"/sjalvskattning/instrument/{id}/ny-version", fields);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Saknas: 4.4", string.Join(" ", (await refused.ToDocumentAsync()).ErrorMessages()));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var version = await app.WithDbAsync(db => db.AssessmentInstruments.Include(i => i.Items).SingleAsync(i => i.Name == fields["Input.Name"]));
        Assert.Equal(id, version.BasedOnId);
        Assert.Equal(24, version.Items.Count);
        Assert.StartsWith("Jag kan hjälpa en besökare att söka", version.Items.Single(i => i.SortOrder == 1).Text);
    }

    [Theory]
    [InlineData(Sara)]
    [InlineData(Nora)]
    public async Task Get_NewVersion_NonAdmin_IsRefused(string account)
    {
        var id = await DefaultInstrumentIdAsync();
        var response = await (await app.As(account)).GetAsync($"/sjalvskattning/instrument/{id}/ny-version");
        Assert.True(IsDenied(response));
    }

    [Fact]
    public async Task Post_CreateRound_Coordinator_GetsRegionalAndLibraryLinks()
    {
        var name = "Skåne " + UniqueText.Letters(8);
        var response = await (await app.As(Sara)).PostFormAsync("/sjalvskattning/omgangar/ny", new()
        {
            ["Input.Name"] = name, ["Input.CountyCode"] = "12", ["Input.InstrumentId"] = (await DefaultInstrumentIdAsync()).ToString(),
            ["Input.OpensOn"] = "2026-09-01", ["Input.ClosesOn"] = "2026-10-31",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var round = await app.WithDbAsync(db => db.AssessmentRounds.Include(r => r.Links).SingleAsync(r => r.Name == name));
        var skaneLibraries = await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Municipality!.CountyCode == "12"));
        Assert.Equal(skaneLibraries, round.Links.Count);
        Assert.True(round.RegionalToken.Length >= 43);
        var page = await (await app.As(Sara)).GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(round.RegionalToken, page.Body!.TextContent);
    }

    [Theory]
    [InlineData(Sara, "19", "Välj en region som du samordnar.")]   // Skåne's coordinator, Västmanland's round
    [InlineData(Sara, "12", "Slutdatum kan inte vara före startdatum.")]
    public async Task Post_CreateRound_BadInput_RendersErrorAndCreatesNothing(string account, string county, string message)
    {
        var name = "Felaktig " + UniqueText.Letters(8);
        var response = await (await app.As(account)).PostFormAsync("/sjalvskattning/omgangar/ny", new()
        {
            ["Input.Name"] = name, ["Input.CountyCode"] = county, ["Input.InstrumentId"] = (await DefaultInstrumentIdAsync()).ToString(),
            ["Input.OpensOn"] = "2026-09-01", ["Input.ClosesOn"] = county == "12" ? "2026-08-01" : "2026-10-01",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ToDocumentAsync()).ErrorMessages());
        Assert.False(await app.WithDbAsync(db => db.AssessmentRounds.AnyAsync(r => r.Name == name)));
    }

    [Theory]
    [InlineData(Maja)]
    [InlineData(Hugo)]
    public async Task CreateRound_NotACoordinator_IsRefused(string account)
    {
        var response = await (await app.As(account)).GetAsync("/sjalvskattning/omgangar/ny");
        Assert.True(IsDenied(response));
    }

    [Fact]
    public async Task Round_OtherRegionsCoordinator_CannotReadLinksOrClose()
    {
        var round = await AssessmentSamples.CreateRoundAsync(app, "12", 2000);
        var viktor = await app.As(Viktor);

        var get = await viktor.GetAsync($"/sjalvskattning/omgangar/{round.Id}");
        var close = await (await app.As(Nora)).PostFormAsync($"/sjalvskattning/omgangar/{round.Id}?handler=Close", [],
            formPage: $"/sjalvskattning/omgangar/{round.Id}");
        var missing = await viktor.GetAsync("/sjalvskattning/omgangar/999999");

        Assert.True(IsDenied(get));
        Assert.True(IsDenied(close)); // the national coordinator reads, but does not run regions' rounds
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.AssessmentRounds.Where(r => r.Id == round.Id).Select(r => r.ClosedEarly).FirstAsync()));
    }

    [Fact]
    public async Task Post_CloseRound_Coordinator_ClosesIt()
    {
        var round = await AssessmentSamples.CreateRoundAsync(app, "12", 2000);
        var response = await (await app.As(Sara)).PostFormAsync($"/sjalvskattning/omgangar/{round.Id}?handler=Close", [],
            formPage: $"/sjalvskattning/omgangar/{round.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AssessmentRounds.Where(r => r.Id == round.Id).Select(r => r.ClosedEarly).FirstAsync()));
    }
}
