using AngleSharp.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using static Samverka.Tests.Features.Activities.ParticipationRateSamples;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>
/// The yearly report's municipality table: participants per 100 staff beside the participants for each municipality and the whole
/// county, on the page and in the DOCX, equal to figures computed here, with the staff figure's year or "uppgift saknas".
/// </summary>
[Collection(AppCollection.Name)]
public class ReportRateTests(SamverkaFactory app)
{
    private const string Vastmanland = PlanSamples.Vastmanland;

    [Fact]
    public async Task MunicipalityTable_PageAndDocx_ShowParticipantsPer100StaffWithTheYear()
    {
        var plan = await PlanSamples.CreateAsync(app);
        var municipalities = await app.WithDbAsync(db => db.Municipalities.Where(m => m.CountyCode == Vastmanland).ToDictionaryAsync(m => m.Code, m => m.Name));
        // A library with KB's figures 2018 and 2022 and participants in a 2019 activity of the region: staff of 2018 is the latest up to 2019.
        var library = await LibraryAsync(app, "1984"); // Arboga
        await ImportStaffAsync(app, (library.Sigel, 2018, 6m), (library.Sigel, 2022, 9m));
        var activity = await Activities.ActivitySamples.CreateAsync(app, county: Vastmanland, sessions: [(new DateOnly(2019, 10, 8), new TimeOnly(9, 0), new TimeOnly(16, 0))]);
        await RegisterAsync(app, activity, library.Name, 3);

        var expected = new Dictionary<string, string>();
        foreach (var (code, name) in municipalities)
        {
            var participants = await ParticipantsAsync(app, code, 2019, 2019, activityCounty: Vastmanland);
            var staff = await StaffAsync(app, code, 2019);
            expected[name] = $"{participants} | {Per100Text(participants, staff)} | {StaffText(staff)}";
        }
        var regionParticipants = await ParticipantsAsync(app, Vastmanland, 2019, 2019, activityCounty: Vastmanland);
        var regionStaff = await StaffAsync(app, Vastmanland, 2019);
        expected["Hela länet"] = $"{regionParticipants} | {Per100Text(regionParticipants, regionStaff)} | {StaffText(regionStaff)}";
        Assert.Contains(expected.Values, v => v.EndsWith("| uppgift saknas | uppgift saknas", StringComparison.Ordinal));
        Assert.Contains(expected.Values, v => !v.EndsWith("uppgift saknas", StringComparison.Ordinal) && !v.StartsWith("0 ", StringComparison.Ordinal));
        Assert.EndsWith(" (2018)", expected["Arboga"]); // the latest figure up to 2019

        var viktor = await app.As(Viktor);
        var doc = await viktor.GetDocumentAsync($"/verksamhetsplaner/{plan.PlanId}/berattelse/2019");
        var table = doc.GetElementById("reach-caption")!.Closest("table")!;
        var headers = table.QuerySelectorAll("thead th").Select(th => th.TextContent).ToList();
        Assert.Equal(["Deltagare från kommunens bibliotek", "Deltagare per 100 anställda", "Anställda enligt KB (mätår)"],
            headers.Skip(headers.IndexOf("Deltagare från kommunens bibliotek")).Take(3));
        var shown = table.QuerySelectorAll("tbody tr, tfoot tr").ToDictionary(r => r.QuerySelector("th")!.TextContent,
            r => $"{r.QuerySelectorAll("td")[2].TextContent} | {r.QuerySelector("td.rate")!.TextContent} | {r.QuerySelector("td.staff")!.TextContent}");
        Assert.Equal(expected.OrderBy(e => e.Key), shown.OrderBy(e => e.Key));
        Assert.Contains("KB:s biblioteksstatistik", doc.GetElementById("reach-per100")!.TextContent);

        var docx = await viktor.GetAsync($"/verksamhetsplaner/{plan.PlanId}/berattelse/2019?handler=Docx");
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var reach = word.MainDocumentPart!.Document.Body!.Elements<Table>()
            .Single(t => t.Elements<TableRow>().First().InnerText.Contains("Deltagare per 100 anställda"));
        var cells = reach.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        var column = cells[0].IndexOf("Deltagare från kommunens bibliotek");
        Assert.Equal(["Deltagare från kommunens bibliotek", "Deltagare per 100 anställda", "Anställda enligt KB (mätår)"], cells[0].Skip(column).Take(3));
        var inDocx = cells.Skip(1).ToDictionary(r => r[0], r => string.Join(" | ", r.Skip(column).Take(3)));
        Assert.Equal(expected.OrderBy(e => e.Key), inDocx.OrderBy(e => e.Key));
    }
}
