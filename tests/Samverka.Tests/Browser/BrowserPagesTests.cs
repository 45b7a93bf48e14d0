using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Samverka.Tests.Registry;
using Samverka.Web.Data;
using Xunit.Abstractions;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Browser;

/// <summary>
/// Every HTML page of the registry in a real browser: screenshot, axe-core (no serious or critical
/// violations), every stylesheet, script and image answers 200, no CSP violations. Plus reflow at
/// 320 px, the skip link and a form with errors.
/// </summary>
public class BrowserPagesTests(BrowserFixture fx, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];
    private const int PagesAtOnce = 3;

    [Fact]
    public async Task EveryHtmlPage_IsAccessible_AndItsAssetsLoad()
    {
        var pages = PageRegistry.Entries.Where(e => e.IsBrowserPage).ToList();
        // A few pages at a time, each in its own context of the one browser; failures are reported in registry order.
        using var slots = new SemaphoreSlim(PagesAtOnce);
        var results = await Task.WhenAll(pages.Select(async entry =>
        {
            await slots.WaitAsync();
            var started = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                return await CheckPageAsync(entry);
            }
            catch (Exception e)
            {
                return [$"{entry.Route}: {e.GetType().Name}: {e.Message}"];
            }
            finally
            {
                output.WriteLine($"{entry.Route}: {started.ElapsedMilliseconds} ms");
                slots.Release();
            }
        }));
        var failures = results.SelectMany(r => r).ToList();
        Assert.True(failures.Count == 0,
            $"{failures.Count} problem(s) on {pages.Count} pages (screenshots in {fx.ScreenshotDirectory}):\n  " + string.Join("\n  ", failures));
    }

    [Fact]
    public async Task Axe_ReportsAKnownViolation()
    {
        // Guards the harness: axe-core must really run in this browser and report what it finds.
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("() => { const i = document.createElement('img'); i.src = '/favicon.svg'; document.querySelector('main').append(i); }");
        var violations = Blocking(await page.RunAxe());
        Assert.Contains(violations, v => v.StartsWith("image-alt (critical)", StringComparison.Ordinal) && v.Contains("img"));
    }

    [Fact]
    public async Task Stylesheet_IsServedByKestrel()
    {
        using var client = new HttpClient { BaseAddress = fx.BaseAddress };
        using var response = await client.GetAsync("/css/site.css");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".skip-link", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/kommuner", null)]
    [InlineData("/bibliotek/{library}", null)]
    [InlineData("/lan/12", null)]
    [InlineData("/bibliotek/ny", Roles.Admin)]
    public async Task KeyPage_DoesNotScrollSideways_At320Pixels(string sampleUrl, string? role)
    {
        // WCAG 1.4.10 Reflow: 320 CSS px wide without horizontal scrolling of the page (a scrolling table region is fine).
        var url = await PageRegistry.ResolveAsync(sampleUrl, fx.App);
        await using var context = await fx.NewContextAsync(role, width: 320, height: 800);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        await page.ScreenshotAsync(new() { Path = Path.Combine(fx.ScreenshotDirectory, $"320-{NameOf(url)}.png"), FullPage = true });
        if (scrollWidth > 320)
        {
            var wide = await page.EvaluateAsync<string[]>(WideElementsScript);
            Assert.Fail($"{url} is {scrollWidth} px wide at a 320 px viewport. Elements reaching past 320 px: {string.Join(", ", wide)}");
        }
    }

    [Fact]
    public async Task SkipLink_IsTheFirstFocusableElement_AndMovesFocusToMain()
    {
        await using var context = await fx.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("#innehall", await page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('href')"));
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync(), "The focused skip link must be visible");
        var box = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.Y >= 0, $"The focused skip link must be on screen, is at {box?.X},{box?.Y}");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("innehall", await page.EvaluateAsync<string?>("() => document.activeElement?.id"));
    }

    [Fact]
    public async Task LibraryForm_WithEmptyName_ShowsErrorSummary_AndStaysAccessible()
    {
        await using var context = await fx.NewContextAsync(Roles.Admin);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/bibliotek/ny");
        await page.Locator("#Input_Name").FillAsync("");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("main form.stacked button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/bibliotek/ny");
        await page.WaitForLoadStateAsync(LoadState.Load);

        Assert.Equal(400, response.Status);
        var summary = page.Locator(".error-summary");
        Assert.True(await summary.IsVisibleAsync(), "The error summary must be shown");
        Assert.Contains(await summary.Locator("a").AllInnerTextsAsync(), t => t.Length > 0);
        Assert.Equal("#Input_Name", await summary.Locator("a").First.GetAttributeAsync("href"));
        Assert.Equal("true", await page.Locator("#Input_Name").GetAttributeAsync("aria-invalid"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(fx.ScreenshotDirectory, "bibliotek-ny-fel.png"), FullPage = true });

        var violations = Blocking(await page.RunAxe());
        Assert.True(violations.Count == 0, "axe-core on /bibliotek/ny with errors:\n  " + string.Join("\n  ", violations));
    }

    [Fact]
    public async Task LibraryEdit_InTwoTabs_SecondSaveShowsBothVersions_AndStaysAccessible()
    {
        await using var context = await fx.NewContextAsync(Roles.Admin);
        var id = await PageRegistry.ResolveAsync("{library}", fx.App);
        var url = $"/bibliotek/{id}/redigera";
        var tab1 = await context.NewPageAsync();
        var tab2 = await context.NewPageAsync();
        await tab1.GotoAsync(url);
        await tab2.GotoAsync(url);
        var original = await tab1.Locator("#Input_City").InputValueAsync();

        await tab1.Locator("#Input_City").FillAsync(original + " (flik ett)");
        await tab1.Locator("main form.stacked button[type=submit]").ClickAsync();
        await tab1.WaitForURLAsync($"**/bibliotek/{id}");
        await tab2.Locator("#Input_City").FillAsync(original + " (flik två)");
        var response = await tab2.RunAndWaitForResponseAsync(
            () => tab2.Locator("main form.stacked button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == url);
        await tab2.WaitForLoadStateAsync(LoadState.Load);

        Assert.Equal(409, response.Status);
        Assert.True(await tab2.Locator(".error-summary").IsVisibleAsync());
        Assert.True(await tab2.Locator(".conflict table").IsVisibleAsync());
        await tab2.ScreenshotAsync(new() { Path = Path.Combine(fx.ScreenshotDirectory, "bibliotek-redigera-konflikt.png"), FullPage = true });
        var violations = Blocking(await tab2.RunAxe());
        Assert.True(violations.Count == 0, $"axe-core on {url} after a refused save:\n  " + string.Join("\n  ", violations));

        // Put the shared demo library back as it was for the other tests.
        await tab2.Locator("#Input_City").FillAsync(original);
        await tab2.Locator("main form.stacked button[type=submit]").ClickAsync();
        await tab2.WaitForURLAsync($"**/bibliotek/{id}");
    }

    private async Task<List<string>> CheckPageAsync(RegistryEntry entry)
    {
        var url = await PageRegistry.ResolveAsync(entry.SampleUrl, fx.App);
        var who = entry.Role ?? "anonymous";
        var failures = new List<string>();
        void Fail(string problem) => failures.Add($"{entry.Route} ({url}, {who}): {problem}");

        await using var context = await fx.NewContextAsync(entry.Role);
        var page = await context.NewPageAsync();
        var failedLoads = new ConcurrentQueue<string>();
        var consoleErrors = new ConcurrentQueue<string>();
        page.Response += (_, r) =>
        {
            if (r.Request.ResourceType != "document" && r.Status >= 400) failedLoads.Enqueue($"{r.Status} {r.Url}");
        };
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) consoleErrors.Enqueue(m.Text);
        };

        var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
        if (response is null) { Fail("no response"); return failures; }
        if (response.Status != entry.BrowserStatus) Fail($"status {response.Status}, expected {entry.BrowserStatus}");
        if (new Uri(page.Url).AbsolutePath != new Uri(fx.BaseAddress, url).AbsolutePath) Fail($"ended up on {page.Url}");

        await page.ScreenshotAsync(new() { Path = Path.Combine(fx.ScreenshotDirectory, entry.Name + ".png"), FullPage = true });

        var axe = await page.RunAxe();
        if (axe.Passes.Length == 0) Fail("axe-core ran no rules");
        foreach (var violation in Blocking(axe)) Fail("axe: " + violation);
        foreach (var v in axe.Violations.Where(v => !BlockingImpacts.Contains(v.Impact)))
            output.WriteLine($"note: {url}: axe {v.Id} ({v.Impact}): {v.Help} – {string.Join(" | ", v.Nodes.Select(n => n.Target.ToString()))}");

        // Every stylesheet, script, image and icon the page links must answer 200.
        var assets = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('link[rel~="stylesheet"][href], script[src], img[src], link[rel~="icon"][href]')]
                .map(e => e.tagName === 'LINK' ? e.href : e.src)
            """);
        if (await page.Locator("link[rel~=stylesheet]").CountAsync() == 0) Fail("links no stylesheet");
        foreach (var asset in assets.Distinct())
        {
            var assetResponse = await page.APIRequest.GetAsync(asset);
            if (assetResponse.Status != 200) Fail($"asset {asset} answers {assetResponse.Status}");
        }
        foreach (var load in failedLoads) Fail("failed to load " + load);
        foreach (var error in consoleErrors) Fail("CSP: " + error);
        return failures;
    }

    /// <summary>Serious and critical violations, each as "rule (impact): help – targets".</summary>
    private static List<string> Blocking(AxeResult result) =>
        result.Violations
            .Where(v => BlockingImpacts.Contains(v.Impact))
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} – {string.Join(" | ", v.Nodes.Select(n => n.Target.ToString()))}")
            .ToList();

    private static string NameOf(string url)
    {
        var path = new Uri(new Uri("http://x"), url).AbsolutePath.Trim('/').Replace('/', '-');
        return path.Length == 0 ? "start" : path;
    }

    private const string WideElementsScript = """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > 320 && !e.closest('.table-scroll'))
            .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > 320))
            .slice(0, 10)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : '')
                + ' (' + Math.round(e.getBoundingClientRect().right) + ' px)')
        """;
}
