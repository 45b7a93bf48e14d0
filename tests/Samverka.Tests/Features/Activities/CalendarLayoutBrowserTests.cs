using Microsoft.Playwright;
using Samverka.Tests.Browser;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.Activities;

/// <summary>
/// The calendar shows activities first: on a 1280 × 900 screen the list's first rows are in view without scrolling,
/// anonymous and signed in, and the filters stay one click away (a closed details element, opened by its summary
/// without JavaScript).
/// </summary>
public class CalendarLayoutBrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(null)]
    [InlineData(Roles.RegionalCoordinator)]
    public async Task At1280x900_TheFirstActivitiesAreInView_AndTheFiltersOpenFromTheirSummary(string? role)
    {
        await using var context = await fx.NewContextAsync(role, width: 1280, height: 900);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/aktiviteter");
        Assert.Equal(200, response!.Status);

        var rows = page.Locator("table tbody tr");
        Assert.True(await rows.CountAsync() >= 3, "the demo calendar lists at least three activities");
        // The third row's bottom edge lies within the first screen: the list, not the filters, is what one sees.
        var third = await rows.Nth(2).BoundingBoxAsync();
        Assert.NotNull(third);
        Assert.True(third.Y + third.Height <= 900, $"the third activity ends at {third.Y + third.Height:F0} px, below the 900 px screen");

        var details = page.Locator("details.filter-details");
        Assert.Null(await details.GetAttributeAsync("open"));
        await details.Locator("summary").ClickAsync();
        Assert.NotNull(await details.GetAttributeAsync("open"));
        Assert.True(await page.Locator("details.filter-details button[type=submit]").IsVisibleAsync());
    }
}
