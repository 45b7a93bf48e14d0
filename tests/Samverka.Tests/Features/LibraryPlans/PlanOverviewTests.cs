using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Features.LibraryPlans;
using Samverka.Web.Features.Directory;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.LibraryPlans;

/// <summary>The overview from the demo data (seed 004), and the page, map, table, export and API agreeing.</summary>
[Collection(AppCollection.Name)]
public class PlanOverviewTests(SamverkaFactory app)
{
    [Fact]
    public async Task Get_Vastmanland2019_ListsKopingAndVasterasAsLackingAValidPlanIn2020()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/biblioteksplaner?ar=2019&lan=19");

        var lacking = doc.QuerySelectorAll("#lacking-in-force li").Select(li => li.GetAttribute("data-code") ?? "").Order().ToArray();
        Assert.Equal(["1980", "1983"], lacking);
        Assert.Empty(doc.QuerySelectorAll("#losing-current li")); // still current by KB's rule in 2020
        var rows = doc.QuerySelectorAll("#municipalities tbody tr");
        Assert.Equal(10, rows.Length);
        Assert.Equal("Unknown", rows.Single(r => r.GetAttribute("data-code") == PlanDemoData.Arboga).GetAttribute("data-status"));
    }

    [Fact]
    public async Task Get_SeriesChart_IsTheSharedChart_AndShowsTheTablesFigures()
    {
        var doc = await app.Anonymous().GetDocumentAsync("/biblioteksplaner?ar=2020&lan=19");

        var chart = doc.QuerySelector("svg.series-chart")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Contains("2011–2020", chart.QuerySelector("title")!.TextContent);
        var rows = doc.QuerySelectorAll("#series tbody tr");
        var columns = chart.QuerySelectorAll("g");
        Assert.Equal(10, rows.Length);
        Assert.Equal(rows.Length, columns.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var texts = columns[i].QuerySelectorAll("text").Select(t => t.TextContent.Trim()).ToArray();
            Assert.Equal(rows[i].GetAttribute("data-year"), texts[1]);
            Assert.Equal(rows[i].QuerySelectorAll("td")[2].TextContent.Trim(), texts[0]); // the same percentage
            Assert.Contains(texts[0], chart.QuerySelector("desc")!.TextContent);
        }
        // A bar's height is its share of the plot: 100 % is the full 160 units.
        var percent = double.Parse(columns[^1].QuerySelectorAll("text")[0].TextContent.Replace(" %", "").Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);
        var height = double.Parse(columns[^1].QuerySelector("rect")!.GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Math.Round(160 * percent / 100), height);
    }

    [Fact]
    public async Task Api_Vastmanland_CountsAddUpAndUnknownIsNotMissing()
    {
        var api = await app.Anonymous().GetFromJsonAsync<PlanOverviewDto>("/api/v1/library-plans/overview?year=2020&county=19");

        Assert.Equal(10, api!.Total);
        Assert.Equal(api.Total, api.Counts.Sum(c => c.Count));
        Assert.InRange(api.Counts.Sum(c => c.Percent), 99.5m, 100.5m);
        Assert.Equal(2, api.Counts.Single(c => c.Status == "CurrentButExpired").Count);
        Assert.Equal(8, api.Counts.Single(c => c.Status == "Unknown").Count);
        Assert.Equal(0, api.Counts.Single(c => c.Status == "NoPlanRecorded").Count);
        Assert.Equal(2, api.Current);
        Assert.Equal(["1980", "1983"], api.Municipalities.Where(m => m.GrantEligible).Select(m => m.MunicipalityCode).Order().ToArray());
    }

    [Fact]
    public async Task Api_National_CountsAddUpToAllMunicipalities()
    {
        var api = await app.Anonymous().GetFromJsonAsync<PlanOverviewDto>("/api/v1/library-plans/overview?year=2020");

        Assert.Equal(290, api!.Total);
        Assert.Equal(290, api.Counts.Sum(c => c.Count));
        Assert.Equal(290, api.Municipalities.Count);
        Assert.Equal(10, api.Series.Count);
        Assert.Equal(api.Current, api.Series.Single(p => p.Year == 2020).Current);
    }

    [Fact]
    public async Task Get_PageMapTableCsvAndApi_ShowTheSameFigures()
    {
        var client = app.Anonymous();
        var doc = await client.GetDocumentAsync("/biblioteksplaner?ar=2020&lan=19");
        var api = await client.GetFromJsonAsync<PlanOverviewDto>("/api/v1/library-plans/overview?year=2020&county=19");
        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/biblioteksplaner?ar=2020&lan=19&handler=Csv"));

        foreach (var c in api!.Counts)
        {
            var pageCount = doc.QuerySelector($"#status-counts tr[data-status={c.Status}] td")!.TextContent.Trim();
            Assert.Equal(c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), pageCount);
            Assert.Equal(c.Count, doc.QuerySelectorAll($"#municipalities tr[data-status={c.Status}]").Length);
            Assert.Equal(c.Count, csv.Split("\r\n").Count(line => line.Contains($";{c.Label};")));
        }
        foreach (var m in api.Municipalities)
        {
            var area = doc.QuerySelector($"svg.map a[data-code='{m.MunicipalityCode}']")!;
            Assert.Contains(m.StatusLabel, area.GetAttribute("aria-label"));
        }
        Assert.Contains($"{api.Current} av {api.Total} kommuner", doc.QuerySelector("#current-summary")!.TextContent);
    }

    [Fact]
    public async Task Get_BadYearOrCounty_IsHandled()
    {
        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/biblioteksplaner?lan=99")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/biblioteksplaner?ar=abc")).StatusCode);
        var bad = await client.GetAsync("/api/v1/library-plans/overview?year=1200");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Ange ett år", (await bad.Content.ReadFromJsonAsync<ApiError>())!.Message);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/library-plans/overview?county=99")).StatusCode);
    }

    [Fact]
    public async Task Api_Plans_ArePublicOpenDataWithStatus()
    {
        var plans = await app.Anonymous().GetFromJsonAsync<List<LibraryPlanDto>>("/api/v1/library-plans?year=2020&county=19");

        var koping = plans!.Single(p => p.MunicipalityCode == "1983" && p.ValidTo == new DateOnly(2019, 12, 31));
        Assert.False(koping.InForce);
        Assert.True(koping.Current);
        Assert.Null(koping.ValidFrom);
    }

    [Fact]
    public async Task OpenApi_DescribesThePlanAndNeedEndpoints()
    {
        var doc = await app.Anonymous().GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/v1/library-plans", "/api/v1/library-plans/overview", "/api/v1/needs", "/api/v1/priority-rounds/{id}/results" })
            Assert.Contains($"\"{path}", doc);
        Assert.Contains("PlanOverviewDto", doc);
    }

    [Fact]
    public async Task Reminders_AreQueuedOnceToManagerAndCoordinator()
    {
        var title = "Biblioteksplan " + Tag();
        var id = await app.WithDbAsync(async db =>
        {
            var plan = new LibraryPlan { Title = title, MunicipalityCode = "1980", ValidFrom = new DateOnly(2082, 1, 1), ValidTo = new DateOnly(2085, 12, 31),
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
            db.LibraryPlans.Add(plan);
            await db.SaveChangesAsync();
            return plan.Id;
        });
        var yearBefore = new DateTimeOffset(2085, 1, 10, 9, 0, 0, TimeSpan.Zero);

        // Instances running the job at the same moment, then later runs: one reminder.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.WithDbAsync(db => PlanReminders.QueueDueAsync(db, yearBefore))));
        await app.WithDbAsync(db => PlanReminders.QueueDueAsync(db, yearBefore.AddDays(1)));

        var messages = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.BodyText.Contains(title)).Select(m => m.ToAddress).ToListAsync());
        Assert.Equal([Ake, Viktor], messages.Order().ToArray());
        Assert.Equal(1, await app.WithDbAsync(db => db.PlanReminders.CountAsync(r => r.PlanId == id)));

        await app.WithDbAsync(db => PlanReminders.QueueDueAsync(db, new DateTimeOffset(2085, 7, 2, 9, 0, 0, TimeSpan.Zero)));
        await app.WithDbAsync(db => PlanReminders.QueueDueAsync(db, new DateTimeOffset(2086, 1, 2, 9, 0, 0, TimeSpan.Zero)));
        await app.WithDbAsync(db => PlanReminders.QueueDueAsync(db, new DateTimeOffset(2086, 1, 3, 9, 0, 0, TimeSpan.Zero)));
        var kinds = await app.WithDbAsync(db => db.PlanReminders.Where(r => r.PlanId == id).Select(r => r.Kind).ToListAsync());
        Assert.Equal([PlanReminderKinds.Expired, PlanReminderKinds.SixMonthsBefore, PlanReminderKinds.YearBefore], kinds.Order().ToArray());
        Assert.Equal(6, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.BodyText.Contains(title))));
    }

    [Fact]
    public async Task Reminders_SkippedWhenASuccessorIsRecorded()
    {
        var title = "Biblioteksplan " + Tag();
        await app.WithDbAsync(async db =>
        {
            db.LibraryPlans.Add(new LibraryPlan { Title = title, MunicipalityCode = "1290", ValidFrom = new DateOnly(2090, 1, 1), ValidTo = new DateOnly(2093, 12, 31),
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            db.LibraryPlans.Add(new LibraryPlan { Title = title + " ny", MunicipalityCode = "1290", ValidFrom = new DateOnly(2094, 1, 1), ValidTo = new DateOnly(2097, 12, 31),
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        await app.WithDbAsync(db => PlanReminders.QueueDueAsync(db, new DateTimeOffset(2093, 3, 1, 9, 0, 0, TimeSpan.Zero)));

        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.BodyText.Contains(title))));
    }
}
