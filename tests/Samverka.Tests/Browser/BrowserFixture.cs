using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Samverka.Tests.Support;

namespace Samverka.Tests.Browser;

/// <summary>The real app on a real Kestrel port (its own database), for a real browser.</summary>
public sealed class KestrelSamverkaFactory : SamverkaFactory
{
    protected override string Purpose => "browser";

    public KestrelSamverkaFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Outside Development static web assets are not wired up by default; without this the CSS may 404.
        builder.UseStaticWebAssets();
    }

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:41873/.</summary>
    public Uri BaseAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("The server reports no addresses");
            var address = addresses.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel listens nowhere");
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }
}

/// <summary>
/// One app on Kestrel and one headless Debian Chromium for a test class. Each test opens its own
/// browser context (cookies are not shared), signed in through the real form when it needs a role.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly ConcurrentDictionary<string, Task<string>> _signedInState = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public KestrelSamverkaFactory App { get; } = new();
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not initialised");
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The repository's screenshots folder (git-ignored): the folder with Samverka.slnx, then /screenshots.</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "screenshots");

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        App.StartServer();
        BaseAddress = App.BaseAddress;
        Directory.CreateDirectory(ScreenshotDirectory);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh context, anonymous or signed in as <paramref name="role"/>.</summary>
    public async Task<IBrowserContext> NewContextAsync(string? role = null, int width = 1280, int height = 900)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "sv-SE",
        };
        if (role is not null) options.StorageState = await SignedInStateAsync(role);
        return await Browser.NewContextAsync(options);
    }

    /// <summary>
    /// The role's cookies, signing in once; a sign-in that failed (a timeout on a busy machine) is not kept, so one
    /// slow moment does not fail every later page of the role: the next context signs in again, up to three times.
    /// </summary>
    private async Task<string> SignedInStateAsync(string role)
    {
        for (var attempt = 1; ; attempt++)
        {
            var task = _signedInState.GetOrAdd(role, SignInAsync);
            try
            {
                return await task;
            }
            catch (Exception) when (attempt < 3)
            {
                _signedInState.TryRemove(new KeyValuePair<string, Task<string>>(role, task));
            }
        }
    }

    /// <summary>Signs in through the real form at /konto/logga-in once per role; later contexts reuse the cookies.</summary>
    private async Task<string> SignInAsync(string role)
    {
        await using var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/konto/logga-in");
        await page.Locator("#Email").FillAsync(SamverkaFactory.Accounts[role]);
        await page.Locator("#Password").FillAsync(SamverkaFactory.Password);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.Locator("main form button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/konto/logga-in");
        if (response.Status != 302)
            throw new InvalidOperationException($"Signing in as {role} through the form failed: {response.Status}");
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (new Uri(page.Url).AbsolutePath == "/konto/logga-in/kod")
        {
            // Administrators: the second step, with the code an authenticator app would show.
            var code = await App.WithUnusedAdminCodeAsync(async totp =>
            {
                await page.Locator("#Code").FillAsync(totp);
                return await page.RunAndWaitForResponseAsync(
                    () => page.Locator("main form button[type=submit]").ClickAsync(),
                    r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/konto/logga-in/kod");
            });
            if (code.Status != 302)
                throw new InvalidOperationException($"The second factor for {role} failed: {code.Status}");
            await page.WaitForLoadStateAsync(LoadState.Load);
        }
        return await context.StorageStateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }

    private static string ChromiumPath()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "chromium");
            if (File.Exists(candidate)) return candidate;
        }
        return File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
            : throw new InvalidOperationException("No chromium on PATH: ./test installs Debian's chromium package.");
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Samverka.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Samverka.slnx not found above " + AppContext.BaseDirectory);
    }
}
