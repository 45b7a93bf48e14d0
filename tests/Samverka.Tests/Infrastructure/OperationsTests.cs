using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Infrastructure;

/// <summary>Health checks, error pages, security headers and antiforgery: what operations and security rely on.</summary>
[Collection(AppCollection.Name)]
public class OperationsTests(SamverkaFactory app)
{
    /// <summary>Text that must never reach a visitor: exception types, stack frames, framework names.</summary>
    private static readonly string[] Leaks = ["Exception", "   at ", "Microsoft.", "Npgsql", "Samverka.Web", "stack", "StackTrace", ".cs:line"];

    private static void AssertRevealsNothing(string body)
    {
        foreach (var leak in Leaks) Assert.DoesNotContain(leak, body, StringComparison.Ordinal);
    }

    /// <summary>A data source for a port where nothing listens.</summary>
    private static NpgsqlDataSource Unreachable() =>
        NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=3;Pooling=false");

    // ---- Health -----------------------------------------------------------------------------

    [Fact]
    public async Task Get_HealthLive_Returns200()
    {
        var response = await app.Anonymous().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_HealthReady_Returns200AfterCheckingTheDatabase()
    {
        var response = await app.Anonymous().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());

        // The readiness endpoint's predicate selects the "database" check, and it passes.
        var report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Tags.Contains("ready"));
        var database = Assert.Single(report.Entries);
        Assert.Equal("database", database.Key);
        Assert.Equal(HealthStatus.Healthy, database.Value.Status);
    }

    [Fact]
    public async Task DatabaseHealthCheck_UnreachableDatabase_IsUnhealthy()
    {
        await using var dataSource = Unreachable();
        var check = new DatabaseHealthCheck(dataSource);
        var result = await check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration("database", check, HealthStatus.Unhealthy, null),
        });
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.NotNull(result.Exception);
    }

    [Fact]
    public async Task Get_HealthReady_DatabaseDown_Returns503RevealingNothing_WhileLiveStays200()
    {
        await using var dataSource = Unreachable();
        await using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Configure<HealthCheckServiceOptions>(o =>
                o.Registrations.Single(r => r.Name == "database").Factory = _ => new DatabaseHealthCheck(dataSource))));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal("Unhealthy", body);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    // ---- Error pages ------------------------------------------------------------------------

    [Theory]
    [InlineData("/finns-inte")]
    [InlineData("/kommuner/1299")]
    [InlineData("/bibliotek/999999")]
    [InlineData("/fel/404")]
    public async Task Get_Missing_Renders404InSwedishRevealingNothing(string url)
    {
        var response = await app.Anonymous().GetAsync(url + "?x=%3Cscript%3Ealert(1)%3C/script%3E");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        var doc = await response.ToDocumentAsync();
        Assert.Equal("sv", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sidan finns inte", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("Sidan du söker finns inte", doc.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("<script>alert", html);
        AssertRevealsNothing(html);
    }

    [Fact]
    public async Task Get_ErrorPage500_IsSwedishWithStatus500AndNoDetails()
    {
        var response = await app.Anonymous().GetAsync("/fel/500");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var doc = await response.ToDocumentAsync();
        Assert.Equal("Något gick fel", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("Felet är loggat", doc.QuerySelector("main")!.TextContent);
        AssertRevealsNothing(html);
    }

    [Fact]
    public async Task Get_ErrorPageWithNonErrorCode_Answers404()
    {
        var response = await app.Anonymous().GetAsync("/fel/200");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Makes every EF query on counties fail, as a lost database or a bug would.</summary>
    private sealed class FailingCountiesInterceptor : DbCommandInterceptor
    {
        public const string Secret = "hemlig-detalj-4711";

        private static void ThrowForCounties(DbCommand command)
        {
            if (command.CommandText.Contains("FROM counties", StringComparison.Ordinal))
                throw new InvalidOperationException($"{Secret}: {command.CommandText}");
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            ThrowForCounties(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            ThrowForCounties(command);
            return ValueTask.FromResult(result);
        }
    }

    private WebApplicationFactory<Program> WithFailingCounties() =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(new FailingCountiesInterceptor()))));

    [Fact]
    public async Task Get_PageThatThrows_Renders500InSwedishRevealingNothing()
    {
        await using var host = WithFailingCounties();
        var response = await host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/lan");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var doc = await response.ToDocumentAsync();
        Assert.Equal("Något gick fel", doc.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain(FailingCountiesInterceptor.Secret, html);
        Assert.DoesNotContain("SELECT", html);
        AssertRevealsNothing(html);
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("Content-Security-Policy").Single()));
    }

    [Fact]
    public async Task Get_ApiThatThrows_Returns500AsSwedishJsonRevealingNothing()
    {
        await using var host = WithFailingCounties();
        var response = await host.CreateClient().GetAsync("/api/v1/counties");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(FailingCountiesInterceptor.Secret, text);
        AssertRevealsNothing(text);
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Contains("tekniskt fel", body.GetProperty("message").GetString());
    }

    // ---- Security headers -------------------------------------------------------------------

    [Theory]
    [InlineData("/")]
    [InlineData("/bibliotek")]
    [InlineData("/konto/logga-in")]
    [InlineData("/finns-inte")]
    [InlineData("/api/v1/counties")]
    [InlineData("/api/v1/counties/99")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/health/ready")]
    [InlineData("/css/site.css")]
    [InlineData("/js/site.js")]
    [InlineData("/favicon.svg")]
    public async Task Get_AnyResponse_HasSecurityHeaders(string url)
    {
        var response = await app.Anonymous().GetAsync(url);
        Assert.True((int)response.StatusCode is 200 or 404, $"{url}: {(int)response.StatusCode}");
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Redirect_ToSignIn_HasSecurityHeaders()
    {
        var response = await app.Anonymous().GetAsync("/bibliotek/ny");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }

    // ---- Every page: antiforgery tokens and nothing the CSP would block ---------------------

    /// <summary>Every Razor page the app exposes, with sample values for its route parameters.</summary>
    private async Task<List<string>> AllPageUrls()
    {
        var libraryId = await app.WithDbAsync(db => db.Libraries.OrderBy(l => l.Id).Select(l => l.Id).FirstAsync());
        var personId = await app.WithDbAsync(db => db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync());
        var accountId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == SamverkaFactory.Accounts[Roles.LibraryStaff]).Select(u => u.Id).FirstAsync());
        var (programmeId, offeringId) = await Samverka.Tests.Features.Programmes.ProgrammeSamples.RegistrySampleAsync(app);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .OrderBy(r => r, StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/bibliotek/ny", routes);

        var urls = new List<string>();
        foreach (var route in routes)
        {
            var url = route
                .Replace("/bibliotek/{id:int}", $"/bibliotek/{libraryId}")
                .Replace("/personer/{id:int}", $"/personer/{personId}")
                .Replace("/lan/{code}", "/lan/12")
                .Replace("/biblioteksplaner/kommun/{code}", "/biblioteksplaner/kommun/1983")
                .Replace("/biblioteksplaner/enkater/{id:int}", "/biblioteksplaner/enkater/1")
                .Replace("/biblioteksplaner/enkat/{token}", "/biblioteksplaner/enkat/ingen-sadan-enkatlank-finns")
                .Replace("/biblioteksplaner/{id:int}", "/biblioteksplaner/1")
                .Replace("/behov/omgangar/{id:int}", "/behov/omgangar/1")
                .Replace("/behov/{id:int}", "/behov/1")
                .Replace("/kommuner/{code}", "/kommuner/1280")
                .Replace("/fel/{code:int}", "/fel/404")
                .Replace("/admin/konton/{id}", $"/admin/konton/{accountId}")
                .Replace("/konto/inbjudan/{token}", "/konto/inbjudan/ingen-sadan-inbjudan")
                .Replace("/program/{id:int}", $"/program/{programmeId}")
                .Replace("{offeringId:int}", offeringId.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Replace("{year:int}", "2019")
                .Replace("/overenskommelser/{id:int}", "/overenskommelser/1")
                .Replace("{followUpId:int}", "1")
                .Replace("/aktiviteter/{id:int}", "/aktiviteter/7")
                .Replace("/aktiviteter/avboka/{token}", "/aktiviteter/avboka/ingen-sadan-lank")
                .Replace("/konto/veckobrev/avsluta/{token}", "/konto/veckobrev/avsluta/ingen-sadan-lank")
                .Replace("/kalender/tema/{id:int}", "/kalender/tema/3")
                .Replace("/sjalvskattning/instrument/{id:int}", "/sjalvskattning/instrument/1")
                .Replace("/sjalvskattning/omgangar/{id:int}", "/sjalvskattning/omgangar/1")
                .Replace("/sjalvskattning/svara/{token}", "/sjalvskattning/svara/ingen-sadan-lank")
                .Replace("/verksamhetsplaner/{id:int}", "/verksamhetsplaner/1").Replace("{actionId:int}", "1").Replace("{areaId:int}", "1").Replace("{areaId:int?}", "1").Replace("{memberId:int?}", "1")
                .Replace("{memberId:int}", "1")
                .Replace("/{sektion:regex(^(samverkan|uppfoljning|katalog|administration)$)}", "/samverkan");
            Assert.False(url.Contains('{'), $"No sample value for the route {route}: add one in OperationsTests.AllPageUrls");
            urls.Add(url);
        }
        // The plans list's follow-up filters (the start page links to them).
        urls.Add("/verksamhetsplaner?lan=17&visa=riskzon");
        urls.Add("/verksamhetsplaner?lan=17&visa=forsenade");
        return urls;
    }

    private async Task<List<(string Url, string Who, IDocument Doc)>> AllPages()
    {
        var clients = new[] { ("anonym", app.Anonymous()), (Roles.Admin, await app.SignedInAs(Roles.Admin)) };
        var pages = new List<(string, string, IDocument)>();
        foreach (var url in await AllPageUrls())
        foreach (var (who, client) in clients)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode == HttpStatusCode.Redirect) continue; // needs a sign-in
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            pages.Add((url, who, await response.ToDocumentAsync()));
        }
        return pages;
    }

    [Fact]
    public async Task Pages_EveryPostForm_HasAntiforgeryToken()
    {
        var pages = await AllPages();
        var missing = new List<string>();
        var forms = 0;
        foreach (var (url, who, doc) in pages)
        foreach (var form in doc.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
        {
            forms++;
            var token = form.QuerySelector("input[type=hidden][name=__RequestVerificationToken]");
            if (token is null || string.IsNullOrEmpty(token.GetAttribute("value")))
                missing.Add($"{url} ({who}): form action=\"{form.GetAttribute("action")}\"");
        }
        Assert.True(forms >= 5, $"Only {forms} post forms found");
        Assert.True(missing.Count == 0, "Post forms without an antiforgery token:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Pages_HaveNoInlineScriptOrStyle_ThatTheCspWouldBlock()
    {
        var problems = new List<string>();
        foreach (var (url, who, doc) in await AllPages())
        {
            if (doc.QuerySelectorAll("script:not([src])").Length > 0) problems.Add($"{url} ({who}): inline <script>");
            if (doc.QuerySelectorAll("style").Length > 0) problems.Add($"{url} ({who}): <style> element");
            foreach (var e in doc.All)
            {
                if (e.HasAttribute("style")) problems.Add($"{url} ({who}): style attribute on <{e.LocalName}>");
                foreach (var a in e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)))
                    problems.Add($"{url} ({who}): {a.Name} handler on <{e.LocalName}>");
                foreach (var a in e.Attributes.Where(a => a.Name is "href" or "src" or "action" && a.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)))
                    problems.Add($"{url} ({who}): javascript: URL on <{e.LocalName}>");
            }
        }
        Assert.True(problems.Count == 0, "The Content-Security-Policy would block:\n" + string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public async Task Post_CreateLibraryWithoutAntiforgeryToken_Returns400AndStoresNothing()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        await admin.GetAsync("/bibliotek/ny"); // the antiforgery cookie is there; only the form field is missing
        var name = $"Utan token {UniqueText.Letters(20)}"[..24];
        var response = await admin.PostAsync("/bibliotek/ny", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Kind"] = "Folkbibliotek", ["Input.MunicipalityCode"] = "1280",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Equal("Felaktig begäran", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name == name)));
    }

    [Fact]
    public async Task Post_CreateLibraryWithTokenFromAnotherSession_Returns400()
    {
        var other = await app.SignedInAs(Roles.Admin);
        var token = await other.AntiforgeryTokenAsync("/bibliotek/ny");
        var admin = await app.SignedInAs(Roles.Admin);
        await admin.GetAsync("/bibliotek/ny");
        var name = $"Lånad token {UniqueText.Letters(20)}"[..24];
        var response = await admin.PostAsync("/bibliotek/ny", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = name, ["Input.Kind"] = "Folkbibliotek", ["Input.MunicipalityCode"] = "1280",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name == name)));
    }
}
