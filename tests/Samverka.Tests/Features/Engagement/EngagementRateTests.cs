using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Programmes;
using static Samverka.Tests.Features.Activities.ParticipationRateSamples;

namespace Samverka.Tests.Features.Engagement;

/// <summary>
/// The engagement maps' tables and the programme engagement API show participants in competence development and participants per
/// 100 staff beside the engagement, equal to figures computed here from the data; the cached pages follow a KB statistics import.
/// </summary>
[Collection(AppCollection.Name)]
public class EngagementRateTests(SamverkaFactory app)
{
    private Task<int> DemoProgrammeAsync() => app.WithDbAsync(db => db.Programmes.Where(p => p.Name == ProgrammeDemoData.Name).Select(p => p.Id).SingleAsync());

    private static Dictionary<string, IElement> Rows(IDocument doc) =>
        doc.QuerySelectorAll("tbody tr[data-code]").ToDictionary(r => r.GetAttribute("data-code")!);

    /// <summary>Every row's participants, staff and rate against the figures computed in the test for the period.</summary>
    private async Task AssertRows(IDocument doc, IEnumerable<string> codes, int fromYear, int toYear)
    {
        var rows = Rows(doc);
        foreach (var code in codes)
        {
            var participants = await ParticipantsAsync(app, code, fromYear, toYear);
            var staff = await StaffAsync(app, code, toYear);
            var row = rows[code];
            Assert.Equal(participants.ToString(), row.QuerySelector("td.participants")!.TextContent);
            Assert.Equal(StaffText(staff), row.QuerySelector("td.staff")!.TextContent);
            Assert.Equal(Per100Text(participants, staff), row.QuerySelector("td.rate")!.TextContent);
        }
    }

    private async Task<(int Programme, List<string> Codes)> ArrangeAsync()
    {
        var id = await DemoProgrammeAsync();
        // Participants in 2019 (the demo programme runs 2018–2020) from Malmö's library, which has KB figures for 2019 and 2022.
        var malmo = await app.WithDbAsync(db => db.Libraries.Where(l => l.Sigel == "EX-MALMO").Select(l => l.Name).SingleAsync());
        var activity = await Activities.ActivitySamples.CreateAsync(app, county: "12", sessions: [(new DateOnly(2019, 9, 3), new TimeOnly(9, 0), new TimeOnly(15, 0))]);
        await RegisterAsync(app, activity, malmo, 4, attended: 3);
        var codes = await app.WithDbAsync(db => db.Municipalities.Where(m => m.CountyCode == "12").Select(m => m.Code).ToListAsync());
        return (id, codes);
    }

    [Fact]
    public async Task ProgrammeMap_TableApiAndNationalMap_ShowParticipantsPer100StaffOfThePeriod()
    {
        var (id, codes) = await ArrangeAsync();

        var page = await app.Anonymous().GetDocumentAsync($"/program/{id}/engagemang");
        await AssertRows(page, codes, 2018, 2020);
        var cells = Rows(page).Values.Select(r => r.QuerySelector("td.rate")!.TextContent).ToList();
        Assert.Contains("uppgift saknas", cells); // a municipality whose libraries KB has no figure for
        Assert.Contains(cells, c => decimal.TryParse(c, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), out var v) && v > 0);
        Assert.Equal("cirka 120 (2019)", Rows(page)["1280"].QuerySelector("td.staff")!.TextContent); // Malmö, latest up to 2020
        Assert.Contains("Deltagare i kompetensutveckling 2018–2020", page.QuerySelector("thead")!.TextContent);

        // The API twin: the same figures as numbers, null where KB has none.
        var json = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}/engagement");
        foreach (var row in json.GetProperty("rows").EnumerateArray())
        {
            var code = row.GetProperty("municipalityCode").GetString()!;
            var participants = await ParticipantsAsync(app, code, 2018, 2020);
            var staff = await StaffAsync(app, code, 2020);
            Assert.Equal(participants, row.GetProperty("participants").GetInt32());
            Assert.Equal(staff?.Persons, row.GetProperty("staffPersons").ValueKind == JsonValueKind.Null ? null : row.GetProperty("staffPersons").GetDecimal());
            Assert.Equal(staff?.Years, row.GetProperty("staffYears").ValueKind == JsonValueKind.Null ? null : row.GetProperty("staffYears").GetString());
            Assert.Equal(Per100(participants, staff), row.GetProperty("participantsPer100Staff").ValueKind == JsonValueKind.Null ? null : row.GetProperty("participantsPer100Staff").GetDecimal());
        }

        // The national map with the programme chosen: its period; without one: the latest year with participants up to this year.
        await AssertRows(await app.Anonymous().GetDocumentAsync($"/engagemang?program={id}"), codes, 2018, 2020);
        var thisYear = DateTime.UtcNow.Year;
        var latest = await app.WithDbAsync(async db => (await db.ActivityRegistrations.IgnoreQueryFilters()
            .Where(r => r.Status == Web.Features.Activities.RegistrationStatus.Confirmed && r.Activity!.Status != Web.Features.Activities.ActivityStatus.Draft && r.Activity.Sessions.Any())
            .Select(r => r.Activity!.Sessions.Min(s => s.Date).Year).ToListAsync()).Where(y => y <= thisYear).DefaultIfEmpty(thisYear).Max());
        var national = await app.Anonymous().GetDocumentAsync("/engagemang");
        Assert.Contains($"Deltagare i kompetensutveckling {latest}", national.QuerySelector("thead")!.TextContent);
        await AssertRows(national, [.. codes, "2584", "0114"], latest, latest);
    }

    [Fact]
    public async Task CachedMap_FollowsAKbStatisticsImportAndAnySavedStaffFigure()
    {
        var (id, codes) = await ArrangeAsync();
        var client = app.Anonymous();
        var page = $"/program/{id}/engagemang";
        // A Skåne municipality KB has no figure for yet, with a new library in it.
        string? bare = null;
        foreach (var c in codes) if (await StaffAsync(app, c, 2020) is null) { bare = c; break; }
        Assert.NotNull(bare);
        var library = await LibraryAsync(app, bare!);
        await client.GetDocumentAsync(page);
        Assert.Equal("uppgift saknas", Rows(await client.GetDocumentAsync(page))[bare!].QuerySelector("td.staff")!.TextContent); // now from the cache

        await ImportStaffAsync(app, (library.Sigel, 2019, 5m));
        Assert.Equal("cirka 5 (2019)", Rows(await client.GetDocumentAsync(page))[bare!].QuerySelector("td.staff")!.TextContent);
        await client.GetDocumentAsync($"/api/v1/programmes/{id}/engagement");

        // Any other write path that saves a staff figure (here straight through the context) empties the cache too.
        await app.WithDbAsync(async db =>
        {
            var s = await db.LibraryStatistics.SingleAsync(x => x.LibraryId == library.Id && x.Year == 2019);
            s.StaffPersons = 7m;
            return await db.SaveChangesAsync();
        });
        Assert.Equal("cirka 7 (2019)", Rows(await client.GetDocumentAsync(page))[bare!].QuerySelector("td.staff")!.TextContent);
        var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}/engagement");
        Assert.Equal(7m, json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("municipalityCode").GetString() == bare).GetProperty("staffPersons").GetDecimal());
    }
}
