using System.Globalization;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Samverka.Tests.Browser;
using Samverka.Tests.Features.Activities;
using Samverka.Web.Features.Activities;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.MyWork;

/// <summary>
/// "Mitt arbete" in Chromium, signed in through the form as each demo account: the role's items with their counts and
/// links (a link followed lands on a list showing the same count), and axe-core finds nothing serious on the start page.
/// </summary>
public class StartPageBrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private async Task<IPage> StartPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/");
        Assert.Equal(200, response!.Status);
        Assert.Equal("Mitt arbete", (await page.Locator("h1").TextContentAsync())?.Trim());
        var axe = await page.RunAxe();
        Assert.NotEmpty(axe.Passes);
        var violations = axe.Violations.Where(v => Blocking.Contains(v.Impact)).Select(v => $"{v.Id} ({v.Impact}): {v.Help}").ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        return page;
    }

    private static async Task<int> CountOf(ILocator item) =>
        int.Parse((await item.Locator(".count").TextContentAsync())!.Replace("\u00a0", "").Replace(" ", ""), CultureInfo.InvariantCulture);

    /// <summary>Follows the item's link as a person would and reads the list's count there.</summary>
    private static async Task AssertLinkShowsCountAsync(IPage page, string key)
    {
        var item = page.Locator($"li[data-item='{key}']");
        var count = await CountOf(item);
        Assert.True(count > 0);
        var href = await item.Locator("a").GetAttributeAsync("href");
        await item.Locator("a").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith(href!, StringComparison.Ordinal));
        Assert.EndsWith(href!, page.Url);
        // A page with several lists: the link's fragment names the one it counts.
        var fragment = href!.Contains('#') ? href[(href.IndexOf('#') + 1)..] : null;
        var list = page.Locator(fragment is null ? "[data-count]" : $"#{fragment}[data-count], #{fragment} [data-count]").First;
        Assert.True(count.ToString(CultureInfo.InvariantCulture) == await list.GetAttributeAsync("data-count"), $"{key}: {href}");
        await page.GoBackAsync();
    }

    /// <summary>Every item on the start page, followed in turn.</summary>
    private static async Task AssertEveryItemShowsItsCountAsync(IPage page)
    {
        var keys = await page.Locator("li[data-item]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.item)");
        Assert.NotEmpty(keys);
        foreach (var key in keys) await AssertLinkShowsCountAsync(page, key);
    }

    [Fact]
    public async Task RegionalCoordinator_SeesSkanesItems_AndTheirLinksLeadToTheLists()
    {
        await using var context = await fx.NewContextAsync(Roles.RegionalCoordinator);
        var page = await StartPageAsync(context);
        Assert.Contains("Skåne", await page.Locator("main section h2").First.TextContentAsync());
        var items = page.Locator("li[data-item]");
        Assert.True(await items.CountAsync() > 0);
        foreach (var href in await items.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            Assert.Contains("lan=12", href);
        Assert.Equal("/overenskommelser?lan=12&visa=utkast", await page.Locator("li[data-item='agreements-utkast'] a").GetAttributeAsync("href"));
        await AssertEveryItemShowsItsCountAsync(page);
    }

    [Fact]
    public async Task LibraryManager_SeesTheMunicipalitysAgreements_AndStaffRegistrations()
    {
        await using var context = await fx.NewContextAsync(Roles.LibraryManager);
        var page = await StartPageAsync(context);
        Assert.Equal("Bibliotekschef", (await page.Locator("main section h2").First.TextContentAsync())?.Trim());
        Assert.Equal("/overenskommelser", await page.Locator("li[data-item='agreements-party'] a").GetAttributeAsync("href"));
        Assert.Equal("/aktiviteter?anmald=true&dagar=30", await page.Locator("li[data-item='staff-registrations'] a").GetAttributeAsync("href"));
        await AssertEveryItemShowsItsCountAsync(page);
    }

    [Fact]
    public async Task Staff_SeesTheirRegistration_WithTheLinkWhereTheyCancel()
    {
        // Hugo registered for a coming activity, so that his start page has something to show.
        var activity = await ActivitySamples.CreateAsync(fx.App, county: "12", days: 5);
        await fx.App.WithDbAsync(async db =>
        {
            var hugo = await db.People.SingleAsync(p => p.Email == Security.ScopeSupport.Hugo);
            db.ActivityRegistrations.Add(new ActivityRegistration { ActivityId = activity, PersonId = hugo.Id, Status = RegistrationStatus.Confirmed,
                CreatedAt = DateTimeOffset.UtcNow, CancelTokenHash = Guid.NewGuid().ToString("N") });
            return await db.SaveChangesAsync();
        });
        await using var context = await fx.NewContextAsync(Roles.LibraryStaff);
        var page = await StartPageAsync(context);
        Assert.Equal("Bibliotekspersonal", (await page.Locator("main section h2").First.TextContentAsync())?.Trim());
        var item = page.Locator("li[data-item='my-registrations']");
        Assert.Contains("avboka", await item.TextContentAsync());
        Assert.Equal("/aktiviteter?anmald=true", await item.Locator("a").GetAttributeAsync("href"));
        await AssertEveryItemShowsItsCountAsync(page);
    }

    [Fact]
    public async Task NationalCoordinator_SeesOneRowPerRegion_AndSortsByAColumn()
    {
        await using var context = await fx.NewContextAsync(Roles.NationalCoordinator);
        var page = await StartPageAsync(context);
        Assert.Equal(21, await page.Locator("tr[data-region]").CountAsync());
        var total = await page.Locator("td[data-total='agreements-utkast']").TextContentAsync();
        Assert.True(int.Parse(total!.Replace("\u00a0", ""), CultureInfo.InvariantCulture) > 0);

        // Sorting is a link: without JavaScript, keyboard-reachable, the sorted column marked for screen readers.
        var header = page.Locator("th[scope=col] a").Nth(2);
        await header.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("sortera="));
        Assert.Equal("ascending", await page.Locator("th[aria-sort]").GetAttributeAsync("aria-sort"));
        var axe = await page.RunAxe();
        Assert.DoesNotContain(axe.Violations, v => Blocking.Contains(v.Impact));
    }
}
