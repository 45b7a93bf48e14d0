using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Accounts;

namespace Samverka.Tests.Security;

/// <summary>Demo accounts by person (DemoData), and helpers for the organisation-scoping tests.</summary>
public static class ScopeSupport
{
    public const string Admin = SamverkaFactory.AdminEmail;
    public const string Sara = "sara.exempelsson@exempel.se";     // regional coordinator, Skåne (12)
    public const string Viktor = "viktor.pahittad@exempel.se";    // regional coordinator, Västmanland (19)
    public const string Maja = "maja.exempel@exempel.se";         // library manager, Malmö (1280)
    public const string Ake = "ake.testberg@exempel.se";          // library manager, Västerås (1980)
    public const string Hugo = "hugo.testsson@exempel.se";        // staff, Helsingborgs stadsbibliotek (1283)
    public const string Ella = "ella.prov@exempel.se";            // staff, Köpings bibliotek (1983)
    public const string Nora = "nora.nationell@exempel.se";       // national coordinator
    public const string Ojvind = "ojvind.latsas@exempel.se";      // no account, Lunds stadsbibliotek (1281)

    private static readonly ConcurrentDictionary<(SamverkaFactory, string), Task<HttpClient>> Clients = new();

    /// <summary>A client signed in as the demo account with this e-mail; one per account and app, to keep sign-ins few.</summary>
    public static Task<HttpClient> As(this SamverkaFactory app, string email) => Clients.GetOrAdd((app, email), async key =>
    {
        // The accounts SamverkaFactory knows by role go through its helper (administrators need a second factor).
        if (SamverkaFactory.Accounts.FirstOrDefault(a => a.Value == key.Item2).Key is { } role) return await key.Item1.SignedInAs(role);
        var client = key.Item1.Anonymous();
        var response = await client.PostFormAsync("/konto/logga-in", new()
        {
            ["Email"] = key.Item2,
            ["Password"] = SamverkaFactory.Password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {key.Item2} failed: {(int)response.StatusCode}");
        return client;
    });

    /// <summary>Letters only: digits from a GUID could look like a personnummer, which every form refuses.</summary>
    public static string Tag() => UniqueText.Letters(10);

    public static Task<int> LibraryIdAsync(this SamverkaFactory app, string name) =>
        app.WithDbAsync(db => db.Libraries.Where(l => l.Name == name).Select(l => l.Id).SingleAsync());

    /// <summary>Outside a request the context is unfiltered (UserScope.System).</summary>
    public static Task<int> PersonIdAsync(this SamverkaFactory app, string email) =>
        app.WithDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.Id).SingleAsync());

    public static Task<Library> LibraryAsync(this SamverkaFactory app, int id) =>
        app.WithDbAsync(db => db.Libraries.AsNoTracking().SingleAsync(l => l.Id == id));

    public static Task<Person> PersonAsync(this SamverkaFactory app, int id) =>
        app.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == id));

    /// <summary>Denied: 403, 404, or the redirect to the access-denied page.</summary>
    public static bool IsDenied(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/konto/nekad"));

    /// <summary>
    /// Runs <paramref name="action"/> with an AppDbContext as it is inside a request by a user holding
    /// the given role claims ("manager:1280"), to test the second layer without any page's check.
    /// </summary>
    public static async Task WithScopedDbAsync(this SamverkaFactory app, string email, string[] scopes, Func<AppDbContext, Task> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "test-" + email), new(ClaimTypes.Email, email) };
        foreach (var s in scopes)
        {
            claims.Add(new(ClaimTypes.Role, s.Split(':')[0]));
            claims.Add(new(AppClaimsPrincipalFactory.ScopeClaim, s));
        }
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };
        try { await action(scope.ServiceProvider.GetRequiredService<AppDbContext>()); }
        finally { accessor.HttpContext = null; }
    }
}
