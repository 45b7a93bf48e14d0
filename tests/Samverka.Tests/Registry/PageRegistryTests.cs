using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;

namespace Samverka.Tests.Registry;

[Collection(AppCollection.Name)]
public class PageRegistryTests(SamverkaFactory app)
{
    [Fact]
    public void Registry_HasNoDuplicates()
    {
        var duplicates = PageRegistry.Entries.GroupBy(e => (e.Route, e.Method)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Listed more than once in PageRegistry: " + string.Join(", ", duplicates));
    }

    [Fact]
    public async Task EveryRoute_IsInRegistry()
    {
        var exposed = await AppRoutes.ListAsync(app.Services);
        var listed = PageRegistry.Entries.Select(e => (e.Route, e.Method)).ToHashSet();

        var missingFromRegistry = exposed.Except(listed).OrderBy(r => r.Route).ToList();
        var missingFromApp = listed.Except(exposed).OrderBy(r => r.Route).ToList();

        var message = new List<string>();
        if (missingFromRegistry.Count > 0)
            message.Add("The app exposes routes that PageRegistry does not list (add them to tests/Samverka.Tests/Registry/PageRegistry.cs):\n  "
                + string.Join("\n  ", missingFromRegistry.Select(r => $"{r.Method} {r.Route}")));
        if (missingFromApp.Count > 0)
            message.Add("PageRegistry lists routes the app does not expose (not built yet, or renamed):\n  "
                + string.Join("\n  ", missingFromApp.Select(r => $"{r.Method} {r.Route}")));
        Assert.True(message.Count == 0, string.Join("\n", message));
    }

    [Fact]
    public async Task EveryEntry_AnonymousBehaviourMatches()
    {
        var client = app.Anonymous();
        var failures = new List<string>();
        foreach (var entry in PageRegistry.Entries)
        {
            var url = await PageRegistry.ResolveAsync(entry.SampleUrl, app);
            using var response = await client.SendAsync(AnonymousRequest(entry, url));
            var status = (int)response.StatusCode;
            if (status != entry.AnonymousStatus)
            {
                failures.Add($"{entry} ({url}): expected {entry.AnonymousStatus}, got {status}");
                continue;
            }
            if (entry is { Anonymous: AnonymousAccess.SignIn, Kind: not EntryKind.Api })
            {
                // The cookie handler sends an absolute URL; what matters is the path.
                var location = response.Headers.Location;
                var path = location is null ? null : new Uri(client.BaseAddress!, location).AbsolutePath;
                if (path is null || !path.StartsWith("/konto/logga-in", StringComparison.Ordinal))
                    failures.Add($"{entry} ({url}): expected a redirect to /konto/logga-in, got Location {location?.ToString() ?? "(none)"}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {PageRegistry.Entries.Count} entries do not behave as listed for anonymous visitors:\n  "
            + string.Join("\n  ", failures));
    }

    [Fact]
    public async Task EveryResponse_HasSecurityHeaders()
    {
        var anonymous = app.Anonymous();
        var admin = await app.SignedInAs(Samverka.Web.Infrastructure.Roles.Admin);
        var failures = new List<string>();
        foreach (var entry in PageRegistry.Entries)
        {
            var url = await PageRegistry.ResolveAsync(entry.SampleUrl, app);
            using (var response = await anonymous.SendAsync(AnonymousRequest(entry, url)))
                failures.AddRange(HeaderProblems(response).Select(p => $"{entry} ({url}, anonymous, {(int)response.StatusCode}): {p}"));
            if (entry is { Method: "GET", Role: not null })
            {
                using var response = await admin.GetAsync(url);
                failures.AddRange(HeaderProblems(response).Select(p => $"{entry} ({url}, signed in, {(int)response.StatusCode}): {p}"));
            }
        }
        Assert.True(failures.Count == 0, "Missing or weak security headers:\n  " + string.Join("\n  ", failures));
    }

    /// <summary>The request an anonymous visitor (or a script) would send: forms without an antiforgery token, JSON writes with an empty object.</summary>
    private static HttpRequestMessage AnonymousRequest(RegistryEntry entry, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(entry.Method), url);
        if (entry.Method is "POST" or "PUT")
            request.Content = entry.Kind == EntryKind.Api ? JsonContent.Create(new { }) : new FormUrlEncodedContent([]);
        return request;
    }

    private static IEnumerable<string> HeaderProblems(HttpResponseMessage response)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var v) ? string.Join(", ", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(", ", c) : null;

        var csp = Header("Content-Security-Policy");
        if (csp is null) yield return "no Content-Security-Policy";
        else
        {
            if (!csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal)) yield return $"CSP lacks frame-ancestors 'none': {csp}";
            if (csp.Contains("unsafe-inline", StringComparison.OrdinalIgnoreCase)) yield return $"CSP allows unsafe-inline: {csp}";
        }
        if (!string.Equals(Header("X-Content-Type-Options"), "nosniff", StringComparison.OrdinalIgnoreCase))
            yield return $"X-Content-Type-Options is {Header("X-Content-Type-Options") ?? "missing"}, expected nosniff";
        if (string.IsNullOrWhiteSpace(Header("Referrer-Policy"))) yield return "no Referrer-Policy";
    }
}

/// <summary>The (route, method) pairs the running app exposes, read from its endpoint data source.</summary>
public static class AppRoutes
{
    public static async Task<HashSet<(string Route, string Method)>> ListAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var result = new HashSet<(string, string)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true) continue;
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

            IEnumerable<string> methods;
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // A page answers the methods of its handlers (OnGet, OnPostAsync, OnPostDeactivate …); no handler = GET.
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                methods = compiled.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).DefaultIfEmpty("GET");
            }
            else
            {
                // Endpoints without method metadata (health checks) answer any method; they are listed as GET.
                methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            }
            foreach (var method in methods.Where(m => m != HttpMethods.Head && m != HttpMethods.Options))
                result.Add((route, method));
        }
        return result;
    }
}
