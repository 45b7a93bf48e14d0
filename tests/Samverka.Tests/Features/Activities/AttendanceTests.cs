using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.Activities;

namespace Samverka.Tests.Features.Activities;

/// <summary>Check-in list, certificate, anonymous evaluation and the statistics they feed.</summary>
[Collection(AppCollection.Name)]
public class AttendanceTests(SamverkaFactory app)
{
    /// <summary>An activity that took place yesterday, with Hugo (Helsingborg) registered and confirmed.</summary>
    internal static async Task<(int Activity, int Registration)> PastWithHugoAsync(SamverkaFactory app)
    {
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var id = await ActivitySamples.CreateAsync(app, county: "12", sessions: [(yesterday, new TimeOnly(9, 0), new TimeOnly(12, 30))]);
        var hugo = await app.PersonIdAsync(Hugo);
        var reg = await app.WithDbAsync(async db =>
        {
            var r = new ActivityRegistration { ActivityId = id, PersonId = hugo, Status = RegistrationStatus.Confirmed, CreatedAt = DateTimeOffset.UtcNow, CancelTokenHash = Tag() + Tag() };
            db.ActivityRegistrations.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        return (id, reg);
    }

    /// <summary>The organiser (Sara) marks Hugo present ("1") or absent ("0").</summary>
    internal static async Task MarkAsync(SamverkaFactory app, int activityId, int registrationId, string mark)
    {
        var url = $"/aktiviteter/{activityId}/deltagare";
        var response = await (await app.As(Sara)).PostFormAsync(url, new() { [$"Marks[{registrationId}]"] = mark });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Attendance_Marked_CertificatePrintable_StatisticsOnMunicipalityPage()
    {
        var (id, reg) = await PastWithHugoAsync(app);
        var hugo = await app.As(Hugo);
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync($"/aktiviteter/{id}/intyg")).StatusCode); // not marked yet

        var list = await (await app.As(Sara)).GetDocumentAsync($"/aktiviteter/{id}/deltagare");
        Assert.Contains("Hugo Testsson", list.QuerySelector("table.checkin")!.TextContent, StringComparison.Ordinal);
        await MarkAsync(app, id, reg, "1");

        var certificate = await hugo.GetDocumentAsync($"/aktiviteter/{id}/intyg");
        var text = certificate.QuerySelector(".certificate")!.TextContent;
        Assert.Contains("Intyg om deltagande", text, StringComparison.Ordinal);
        Assert.Contains("Hugo Testsson", text, StringComparison.Ordinal);
        Assert.Contains("3,5 timmar", text, StringComparison.Ordinal);
        Assert.Contains("Region Skåne", text, StringComparison.Ordinal);

        var municipality = await app.Anonymous().GetDocumentAsync("/kommuner/1283");
        var title = await app.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Title).SingleAsync());
        var row = municipality.GetElementById("m-part")!.ParentElement!.QuerySelectorAll("tbody tr").FirstOrDefault(r => r.TextContent.Contains(title, StringComparison.Ordinal));
        Assert.NotNull(row);
        Assert.Equal(["1", "1"], row!.QuerySelectorAll("td").Skip(1).Select(c => c.TextContent.Trim()));

        // Marked absent: no certificate.
        await MarkAsync(app, id, reg, "0");
        Assert.Equal(HttpStatusCode.NotFound, (await hugo.GetAsync($"/aktiviteter/{id}/intyg")).StatusCode);
    }

    [Fact]
    public async Task Attendance_LastSessionMarked_InvitesAttendeeOnceToEvaluationAndCertificate()
    {
        var (id, reg) = await PastWithHugoAsync(app);
        var title = await app.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Title).SingleAsync());
        Task<List<string>> InvitationsAsync() => app.WithDbAsync(db => db.OutboxMessages
            .Where(m => m.ToAddress == Hugo && m.Subject == $"Tack för att du deltog: {title}").Select(m => m.BodyText).ToListAsync());

        await MarkAsync(app, id, reg, "0");
        Assert.Empty(await InvitationsAsync()); // absent: nothing to evaluate

        await MarkAsync(app, id, reg, "1");
        await MarkAsync(app, id, reg, "1"); // saved again: no second e-mail
        var body = Assert.Single(await InvitationsAsync());
        Assert.Contains($"/aktiviteter/{id}/utvardering", body, StringComparison.Ordinal);
        Assert.Contains($"/aktiviteter/{id}/intyg", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attendance_StaffOrOtherRegion_Forbidden_UnknownRegistration_Refused()
    {
        var (id, reg) = await PastWithHugoAsync(app);
        Assert.True(IsDenied(await (await app.As(Hugo)).GetAsync($"/aktiviteter/{id}/deltagare")));
        Assert.True(IsDenied(await (await app.As(Viktor)).GetAsync($"/aktiviteter/{id}/deltagare")));

        var response = await (await app.As(Sara)).PostFormAsync($"/aktiviteter/{id}/deltagare", new() { ["Marks[999999]"] = "1" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ToDocumentAsync()).ErrorMessages());
        Assert.False(await app.WithDbAsync(db => db.SessionAttendance.AnyAsync(x => x.RegistrationId == reg)));
    }

    [Fact]
    public async Task Evaluation_Anonymous_FewerThanFiveShowsOnlyCount_FiveShowsAggregate()
    {
        var (id, reg) = await PastWithHugoAsync(app);
        await MarkAsync(app, id, reg, "1");
        var hugo = await app.As(Hugo);

        var bad = await hugo.PostFormAsync($"/aktiviteter/{id}/utvardering", new() { ["Rating"] = "7" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Välj ett betyg från 1 till 5.", (await bad.ToDocumentAsync()).ErrorMessages());

        var ok = await hugo.PostFormAsync($"/aktiviteter/{id}/utvardering", new() { ["Rating"] = "4", ["Useful"] = "Övningarna", ["Comment"] = "Bra dag" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stored = await app.WithDbAsync(db => db.ActivityEvaluations.SingleAsync(e => e.ActivityId == id));
        Assert.Equal(4, stored.Rating);
        // Anonymous: the answer row has no link to a person, and no audit row names who wrote it.
        Assert.False(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == "ActivityEvaluation")));
        // Once only.
        Assert.True(IsDenied(await hugo.PostFormAsync($"/aktiviteter/{id}/utvardering", new() { ["Rating"] = "1" }, formPage: $"/aktiviteter/{id}")));

        var few = await (await app.As(Sara)).GetDocumentAsync($"/aktiviteter/{id}/utvardering");
        Assert.Contains("1 svar. Svaren visas när minst 5", few.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Bra dag", few.Body.TextContent, StringComparison.Ordinal);

        await app.WithDbAsync(db =>
        {
            db.ActivityEvaluations.AddRange(Enumerable.Range(0, 4).Select(i => new ActivityEvaluation { ActivityId = id, Rating = 5, SubmittedOn = DateOnly.FromDateTime(DateTime.UtcNow) }));
            return db.SaveChangesAsync();
        });
        var five = await (await app.As(Sara)).GetDocumentAsync($"/aktiviteter/{id}/utvardering");
        Assert.Contains("5 svar. Medelbetyg 4,8 av 5.", five.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bra dag", five.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Engagement_Summary_ShowsParticipantsPerRegionAndYear()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/engagemang");

        // Seed 004's 2019 occasions in Västmanland have demo registrations (Ella and Åke) and attendance.
        Assert.Contains(doc.QuerySelectorAll("#e-part li"), r => r.TextContent.StartsWith("Västmanlands län 2019:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Statistics_ExportsCsvAndXlsx_WithDemoSeed004Figures()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/aktiviteter/statistik?ar=2019&lan=19");
        Assert.Contains("Heldag om informationssökningsprocessen", doc.QuerySelector("#s-act")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var csv = await app.Anonymous().GetAsync("/aktiviteter/statistik?handler=Csv&ar=2019&lan=19");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("Heldag om digitalt först för barn och unga", text, StringComparison.Ordinal);
        Assert.Contains("Köpings bibliotek", text, StringComparison.Ordinal);
        var xlsx = await app.Anonymous().GetAsync("/aktiviteter/statistik?handler=Xlsx");
        Assert.Equal(Samverka.Web.Infrastructure.Export.XlsxContentType, xlsx.Content.Headers.ContentType?.ToString());
    }
}
