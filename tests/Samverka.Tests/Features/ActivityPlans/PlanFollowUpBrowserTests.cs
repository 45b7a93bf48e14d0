using Deque.AxeCore.Playwright;
using Samverka.Tests.Browser;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>The plans list's follow-up lists in Chromium: axe-core finds nothing serious, with rows, empty and with a notice.</summary>
public class PlanFollowUpBrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [Theory]
    [InlineData("/verksamhetsplaner?lan=17&visa=riskzon", "#at-risk")]
    [InlineData("/verksamhetsplaner?lan=17&visa=forsenade", "#overdue")]
    [InlineData("/verksamhetsplaner?lan=01&visa=riskzon", "#at-risk")]
    [InlineData("/verksamhetsplaner?lan=99&visa=okand", ".notice")]
    public async Task FollowUpList_IsAccessible(string url, string shown)
    {
        var sample = await PlanFollowUpTests.CreateAsync(fx.App);
        await using var context = await fx.NewContextAsync(Roles.Admin);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        Assert.True(await page.Locator(shown).First.IsVisibleAsync());
        if (url.Contains("lan=17")) Assert.True(await page.Locator($"td:text-is('{(url.Contains("riskzon") ? sample.AtRisk : sample.Overdue)}')").IsVisibleAsync());
        var axe = await page.RunAxe();
        Assert.NotEmpty(axe.Passes);
        var violations = axe.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v => $"{v.Id} ({v.Impact}): {v.Help}").ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
