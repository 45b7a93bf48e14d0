using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Samverka.Tests.Features.MyWork;
using Samverka.Tests.Support;
using Samverka.Web.Features.ActivityPlans;
using Samverka.Web.Infrastructure;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>
/// The follow-up of the activity plans on "Mitt arbete" and on the plans list: actions at risk (responsible away in a
/// planned month, not yet past) and overdue actions (still open after their planned months). Värmland (17) is this
/// test's region and Gotland (09) the other region; the demo and the other tests leave both alone.
/// </summary>
[Collection(AppCollection.Name)]
public class PlanFollowUpTests(SamverkaFactory app)
{
    private const string County = "17", Other = "09";

    internal sealed record Sample(string Tag, string AtRisk, string PastAtRisk, string Overdue, string[] NotAtRisk, string[] NotOverdue);

    [Fact]
    public async Task Coordinator_ActionsAtRiskAndOverdue_AreItems_CountingTheirLists()
    {
        var (_, email) = await app.CreateAccountAsync($"{Roles.RegionalCoordinator}:{County}");
        var client = await app.SignInAsync(email);
        var riskBefore = Count(await client.GetDocumentAsync("/"), "actions-at-risk");
        var overdueBefore = Count(await client.GetDocumentAsync("/"), "actions-overdue");

        var s = await CreateAsync();
        var home = await client.GetDocumentAsync("/");

        var risk = Item(home, "actions-at-risk");
        Assert.NotNull(risk);
        Assert.Equal(riskBefore + 1, Count(home, "actions-at-risk"));
        Assert.Equal($"/verksamhetsplaner?lan={County}&visa=riskzon#at-risk", risk.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("i riskzonen", risk.QuerySelector("a")!.TextContent);
        var riskPage = await client.GetDocumentAsync(risk.QuerySelector("a")!.GetAttribute("href")!);
        var riskTable = riskPage.QuerySelector("table#at-risk")!;
        Assert.Equal("Aktiviteter i riskzonen", riskPage.QuerySelector("section[aria-labelledby='at-risk-heading'] > h2#at-risk-heading")?.TextContent);
        Assert.Equal(Count(home, "actions-at-risk").ToString(CultureInfo.InvariantCulture), riskTable.GetAttribute("data-count"));
        Assert.Equal(Count(home, "actions-at-risk"), riskTable.QuerySelectorAll("tbody tr").Length);
        Assert.NotNull(riskTable.QuerySelector("caption"));
        Assert.Equal(["Verksamhetsplan", "Utvecklingsområde", "Aktivitet", "Ansvarig", "Planerad", "Borta"],
            riskTable.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent.Trim()));
        var row = RowOf(riskTable, s.AtRisk);
        Assert.NotNull(row);
        Assert.StartsWith("/verksamhetsplaner/", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains($"Frånvarande {s.Tag}", row.TextContent);
        var today = Today();
        Assert.Equal($"{PlanText.Month(today.AddMonths(1))}, {PlanText.Month(today.AddMonths(2))}", row.QuerySelectorAll("td").Last().TextContent.Trim());
        foreach (var text in s.NotAtRisk.Append(s.PastAtRisk)) Assert.Null(RowOf(riskTable, text));
        Assert.Null(riskPage.QuerySelector("#overdue"));

        var overdue = Item(home, "actions-overdue");
        Assert.NotNull(overdue);
        Assert.Equal(overdueBefore + 2, Count(home, "actions-overdue"));
        Assert.Equal($"/verksamhetsplaner?lan={County}&visa=forsenade#overdue", overdue.QuerySelector("a")!.GetAttribute("href"));
        var overduePage = await client.GetDocumentAsync(overdue.QuerySelector("a")!.GetAttribute("href")!);
        var overdueTable = overduePage.QuerySelector("table#overdue")!;
        Assert.Equal(Count(home, "actions-overdue").ToString(CultureInfo.InvariantCulture), overdueTable.GetAttribute("data-count"));
        Assert.Equal(Count(home, "actions-overdue"), overdueTable.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(["Verksamhetsplan", "Utvecklingsområde", "Aktivitet", "Ansvarig", "Planerad"],
            overdueTable.QuerySelectorAll("thead th[scope=col]").Select(th => th.TextContent.Trim()));
        Assert.NotNull(RowOf(overdueTable, s.Overdue));
        Assert.NotNull(RowOf(overdueTable, s.PastAtRisk));
        foreach (var text in s.NotOverdue) Assert.Null(RowOf(overdueTable, text));
        Assert.Null(overduePage.QuerySelector("#at-risk"));

        // The other region's plan (an area shared with Värmland) is visible to Värmland, yet not in Värmland's follow-up.
        Assert.Contains((await client.GetDocumentAsync("/verksamhetsplaner")).QuerySelectorAll("a"), a => a.TextContent == $"Annan region {s.Tag}");
        Assert.DoesNotContain(overduePage.QuerySelectorAll("a"), a => a.TextContent == $"Annan region {s.Tag}");
    }

    [Fact]
    public async Task OtherRegionsCoordinator_CountsOnlyTheirOwnPlan()
    {
        var s = await CreateAsync();
        var (_, email) = await app.CreateAccountAsync($"{Roles.RegionalCoordinator}:{Other}");
        var client = await app.SignInAsync(email);
        var page = await client.GetDocumentAsync($"/verksamhetsplaner?lan={Other}&visa=forsenade");
        var table = page.QuerySelector("table#overdue")!;
        Assert.NotNull(RowOf(table, $"Gotlands försenade {s.Tag}"));
        Assert.Null(RowOf(table, s.Overdue));
        var risk = (await client.GetDocumentAsync($"/verksamhetsplaner?lan={Other}&visa=riskzon")).QuerySelector("table#at-risk")!;
        Assert.NotNull(RowOf(risk, $"Gotlands risk {s.Tag}"));
        Assert.Null(RowOf(risk, s.AtRisk));
    }

    [Fact]
    public async Task NoActions_ShowsASentence_WithCountZero()
    {
        var (_, email) = await app.CreateAccountAsync($"{Roles.RegionalCoordinator}:{County}");
        var client = await app.SignInAsync(email);
        // Stockholm (01) as the filter: this coordinator sees none of its plans.
        var doc = await client.GetDocumentAsync("/verksamhetsplaner?lan=01&visa=riskzon");
        var empty = doc.QuerySelector("#at-risk")!;
        Assert.Equal("0", empty.GetAttribute("data-count"));
        Assert.Equal("Ingen aktivitet är i riskzonen.", empty.TextContent.Trim());
        Assert.Equal("Aktiviteter i riskzonen", doc.QuerySelector("h2")!.TextContent);
    }

    /// <summary>An unknown list or region is ignored with a Swedish notice, never a server error; the links to both lists stay.</summary>
    [Theory]
    [InlineData("/verksamhetsplaner?visa=nagot-annat", true, null)]
    [InlineData("/verksamhetsplaner?lan=99&visa=riskzon", true, "at-risk")]
    [InlineData("/verksamhetsplaner?lan=%27%3B--&visa=forsenade", true, "overdue")]
    [InlineData("/verksamhetsplaner?lan=&visa=", false, null)]
    [InlineData("/verksamhetsplaner?lan=17&lan=09&visa=riskzon&visa=forsenade", false, "at-risk")]
    [InlineData("/verksamhetsplaner?lan=1%C3%A47&visa=RISKZON", true, null)]
    public async Task BadQuery_IsIgnored_WithANotice(string url, bool notice, string? list)
    {
        var (_, email) = await app.CreateAccountAsync($"{Roles.RegionalCoordinator}:{County}");
        var client = await app.SignInAsync(email);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Equal("Verksamhetsplaner", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(notice, doc.QuerySelectorAll("p.notice").Any(p => p.TextContent.StartsWith("Det finns", StringComparison.Ordinal)));
        Assert.Equal(list, doc.QuerySelector("#at-risk[data-count], #overdue[data-count]")?.Id);
        Assert.NotNull(doc.QuerySelector("a[href$='visa=riskzon#at-risk']"));
        Assert.NotNull(doc.QuerySelector("a[href$='visa=forsenade#overdue']"));
    }

    /// <summary>
    /// Värmland's plan: a member away (0 %) two months ago and the next two months, a member present throughout. Actions:
    /// one at risk (this month to two months ahead, away in the last two), one at risk but past (overdue instead), one
    /// overdue with a present responsible, and some that count in neither list. Gotland's plan has an area shared with
    /// Värmland holding one action at risk and one overdue.
    /// </summary>
    private Task<Sample> CreateAsync() => CreateAsync(app);

    internal static async Task<Sample> CreateAsync(SamverkaFactory app)
    {
        var tag = Tag();
        var m = Today();
        m = new DateOnly(m.Year, m.Month, 1);
        var s = new Sample(tag, $"I riskzonen {tag}", $"Passerad risk {tag}", $"Försenad {tag}",
            [$"Genomförd risk {tag}", $"Närvarande {tag}", $"Försenad {tag}"],
            [$"Inställd {tag}", $"Genomförd försenad {tag}", $"Närvarande {tag}", $"I riskzonen {tag}", $"Genomförd risk {tag}"]);
        await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var plan = new ActivityPlan { CountyCode = County, Title = $"Värmlands plan {tag}", StartDate = m.AddMonths(-6), EndDate = m.AddMonths(6).AddDays(-1),
                CreatedAt = now, UpdatedAt = now };
            var area = new DevelopmentArea { Name = $"Område {tag}", SortOrder = 1 };
            plan.Areas.Add(area);
            var away = new TeamMember
            {
                Name = $"Frånvarande {tag}", Areas = [new TeamMemberArea { Area = area }],
                Periods =
                [
                    new EmploymentPeriod { FromMonth = m.AddMonths(-12), Percent = 100 },
                    new EmploymentPeriod { FromMonth = m.AddMonths(-2), ToMonth = m.AddMonths(-2), Percent = 0, Note = "Tjänstledig" },
                    new EmploymentPeriod { FromMonth = m.AddMonths(1), ToMonth = m.AddMonths(2), Percent = 0, Note = "Föräldraledig" },
                ],
            };
            var present = new TeamMember { Name = $"Närvarande ansvarig {tag}", Areas = [new TeamMemberArea { Area = area }],
                Periods = [new EmploymentPeriod { FromMonth = m.AddMonths(-12), Percent = 100 }] };
            plan.Team.AddRange([away, present]);
            PlannedAction Action(string text, TeamMember who, PlannedActionStatus status, int from, int to) => new()
            {
                Text = text, Responsible = who, Status = status, StatusReason = status == PlannedActionStatus.Cancelled ? "Ingen budget" : null,
                PlannedFrom = m.AddMonths(from), PlannedTo = m.AddMonths(to), UpdatedAt = now,
            };
            area.Actions.AddRange(
            [
                Action(s.AtRisk, away, PlannedActionStatus.Planned, 0, 2),
                Action($"Genomförd risk {tag}", away, PlannedActionStatus.Done, 0, 2),
                Action(s.PastAtRisk, away, PlannedActionStatus.Ongoing, -2, -1),
                Action($"Närvarande {tag}", present, PlannedActionStatus.Ongoing, 0, 2),
                Action(s.Overdue, present, PlannedActionStatus.Ongoing, -3, -1),
                Action($"Inställd {tag}", present, PlannedActionStatus.Cancelled, -3, -2),
                Action($"Genomförd försenad {tag}", away, PlannedActionStatus.Done, -3, -1),
            ]);
            db.ActivityPlans.Add(plan);

            var other = new ActivityPlan { CountyCode = Other, Title = $"Annan region {tag}", StartDate = m.AddMonths(-6), EndDate = m.AddMonths(6).AddDays(-1),
                CreatedAt = now, UpdatedAt = now };
            var shared = new DevelopmentArea { Name = $"Delat {tag}", SortOrder = 1, SharedWith = [new AreaShare { CountyCode = County }] };
            other.Areas.Add(shared);
            var leave = new TeamMember { Name = $"Gotlänning {tag}", Areas = [new TeamMemberArea { Area = shared }],
                Periods = [new EmploymentPeriod { FromMonth = m.AddMonths(-12), Percent = 100 }, new EmploymentPeriod { FromMonth = m, Percent = 0 }] };
            other.Team.Add(leave);
            shared.Actions.Add(new PlannedAction { Text = $"Gotlands risk {tag}", Responsible = leave, PlannedFrom = m, PlannedTo = m.AddMonths(1), UpdatedAt = now });
            shared.Actions.Add(new PlannedAction { Text = $"Gotlands försenade {tag}", Responsible = leave, PlannedFrom = m.AddMonths(-3), PlannedTo = m.AddMonths(-1), UpdatedAt = now });
            db.ActivityPlans.Add(other);
            return await db.SaveChangesAsync();
        });
        return s;
    }

    private static DateOnly Today() => SwedishTimeZone.Today(DateTimeOffset.UtcNow);

    private static IElement? Item(IDocument doc, string key) => doc.QuerySelector($"li[data-item='{key}']");

    private static int Count(IDocument doc, string key) => Item(doc, key) is { } item
        ? int.Parse(item.QuerySelector(".count")!.TextContent.Replace("\u00a0", "").Replace(" ", ""), CultureInfo.InvariantCulture)
        : 0;

    private static IElement? RowOf(IElement table, string actionText) =>
        table.QuerySelectorAll("tbody tr").FirstOrDefault(tr => tr.QuerySelectorAll("td").ElementAtOrDefault(2)?.TextContent == actionText);
}
