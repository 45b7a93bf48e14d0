using AngleSharp.Dom;
using Samverka.Tests.Support;
using static Samverka.Tests.Features.Activities.ParticipationRateSamples;

namespace Samverka.Tests.Features.Activities;

/// <summary>
/// /aktiviteter/statistik: participants per 100 staff per municipality and region of the participants' libraries, each row
/// against KB's staff figure for its year (the measurement year shown), "uppgift saknas" where KB has none.
/// </summary>
[Collection(AppCollection.Name)]
public class StatisticsRateTests(SamverkaFactory app)
{
    private const string Kiruna = "2584", Haparanda = "2583", Norrbotten = "25";

    private static IElement Row(IDocument doc, string captionId, string key, int year) =>
        doc.GetElementById(captionId)!.Closest("table")!.QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent == key && r.QuerySelectorAll("td")[0].TextContent == year.ToString());

    private async Task AssertRow(IDocument doc, string captionId, string key, string prefix, int year, string? expectedStaff = null)
    {
        var row = Row(doc, captionId, key, year);
        var participants = await ParticipantsAsync(app, prefix, year, year, activityCounty: Norrbotten);
        var staff = await StaffAsync(app, prefix, year);
        Assert.Equal(participants.ToString(), row.QuerySelectorAll("td")[1].TextContent);
        Assert.Equal(StaffText(staff), row.QuerySelector("td.staff")!.TextContent);
        Assert.Equal(Per100Text(participants, staff), row.QuerySelector("td.rate")!.TextContent);
        if (expectedStaff is not null) Assert.Equal(expectedStaff, row.QuerySelector("td.staff")!.TextContent);
    }

    [Fact]
    public async Task PerMunicipalityAndRegion_RateAgainstTheYearsStaffFigure_UppgiftSaknasWithoutOne()
    {
        var withStaff = await LibraryAsync(app, Kiruna);
        var without = await LibraryAsync(app, Haparanda);
        Assert.Null(await StaffAsync(app, Haparanda, 2030)); // the municipality without any staff figure
        await ImportStaffAsync(app, (withStaff.Sigel, 2019, 8m), (withStaff.Sigel, 2022, 10m));

        var in2019 = await ActivitySamples.CreateAsync(app, county: Norrbotten, sessions: [(new DateOnly(2019, 5, 10), new TimeOnly(9, 0), new TimeOnly(12, 0))]);
        var in2023 = await ActivitySamples.CreateAsync(app, county: Norrbotten, sessions: [(new DateOnly(2023, 3, 14), new TimeOnly(9, 0), new TimeOnly(12, 0))]);
        await RegisterAsync(app, in2019, withStaff.Name, 3, attended: 2);
        await RegisterAsync(app, in2019, without.Name, 2);
        await RegisterAsync(app, in2023, withStaff.Name, 1);

        var doc = await app.Anonymous().GetDocumentAsync($"/aktiviteter/statistik?lan={Norrbotten}");
        // Kiruna 2019 against its 2019 figure, 2023 against the latest up to 2023 (2022): the year is stated with the figure.
        await AssertRow(doc, "s-mun", "Kiruna", Kiruna, 2019, "cirka 8 (2019)");
        await AssertRow(doc, "s-mun", "Kiruna", Kiruna, 2023, "cirka 10 (2022)");
        Assert.Equal("37,5", Row(doc, "s-mun", "Kiruna", 2019).QuerySelector("td.rate")!.TextContent); // 3 of 8, by hand
        await AssertRow(doc, "s-mun", "Haparanda", Haparanda, 2019, "uppgift saknas");
        Assert.Equal("uppgift saknas", Row(doc, "s-mun", "Haparanda", 2019).QuerySelector("td.rate")!.TextContent);
        await AssertRow(doc, "s-region", "Norrbottens län", Norrbotten, 2019);
        await AssertRow(doc, "s-region", "Norrbottens län", Norrbotten, 2023);
        Assert.Contains("KB:s biblioteksstatistik", doc.GetElementById("s-per100")!.TextContent);
        Assert.Equal(["Region", "År", "Bekräftade deltagare", "Närvarande", "Anställda enligt KB (mätår)", "Deltagare per 100 anställda"],
            doc.GetElementById("s-region")!.Closest("table")!.QuerySelectorAll("thead th").Select(th => th.TextContent));
    }
}
