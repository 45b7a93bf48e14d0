using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Samverka.Tests.Browser;

namespace Samverka.Tests.Features.Engagement;

/// <summary>The engagement map in a real browser: axe-core, keyboard focus on a municipality, reflow at 320 px, print.</summary>
public class EngagementBrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private async Task<string> ProgrammePageAsync() =>
        $"/program/{await Seed003.AddAsync(fx.App, "Webbläsartest " + Guid.NewGuid().ToString("N")[..8])}/engagemang";

    [Fact]
    public async Task ProgrammeMap_PassesAxe_AndTabReachesAMunicipalityWithItsName()
    {
        var url = await ProgrammePageAsync();
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.GotoAsync(url);
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        Assert.Empty(errors); // no CSP refusals of inline styles

        await page.Locator(".map a").First.FocusAsync();
        var name = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')");
        Assert.Equal("Bjuv: 4 av 4", name);
        await page.Keyboard.PressAsync("Tab");
        Assert.EndsWith(" av 4", await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(fx.ScreenshotDirectory, "engagemang-program.png"), FullPage = true });
    }

    [Fact]
    public async Task NationalMap_PassesAxe()
    {
        await ProgrammePageAsync();
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/engagemang");
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
        await page.ScreenshotAsync(new() { Path = Path.Combine(fx.ScreenshotDirectory, "engagemang-sverige.png"), FullPage = true });
    }

    [Fact]
    public async Task ProgrammeMap_At320Pixels_DoesNotScrollSideways_AndPrintsMapAndLegend()
    {
        var url = await ProgrammePageAsync();
        await using var context = await fx.NewContextAsync(width: 320, height: 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        var wide = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 320 && !e.closest('.table-scroll')).slice(0, 5).map(e => e.tagName + '.' + e.getAttribute('class'))");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 320, string.Join(", ", wide));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await page.Locator("figure .map").IsVisibleAsync());
        Assert.True(await page.Locator(".map-legend").IsVisibleAsync());
        Assert.False(await page.Locator(".actions").IsVisibleAsync()); // the export buttons are not printed
    }
}
