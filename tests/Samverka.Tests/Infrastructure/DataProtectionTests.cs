using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Accounts;

namespace Samverka.Tests.Infrastructure;

/// <summary>
/// The Data Protection key ring lives in PostgreSQL, so a cookie issued by one instance is valid on
/// every other instance on the same database, and after a restart.
/// </summary>
[Collection(AppCollection.Name)]
public class DataProtectionTests(SamverkaFactory app)
{
    /// <summary>A client that sends exactly the cookies it is given: no cookie container.</summary>
    private static HttpClient Bare(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static Dictionary<string, string> SetCookies(HttpResponseMessage response) =>
        (response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            .Select(v => v.Split(';', 2)[0].Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);

    private static string CookieHeader(IDictionary<string, string> cookies) =>
        string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));

    /// <summary>Signs in through the real form on <paramref name="factory"/> and returns every cookie it set.</summary>
    private static async Task<Dictionary<string, string>> SignInAsync(WebApplicationFactory<Program> factory, string email)
    {
        var client = Bare(factory);
        var form = await client.GetAsync("/konto/logga-in");
        var cookies = SetCookies(form);
        Assert.True(cookies.ContainsKey(SignInSecurity.AntiforgeryCookie), "The sign-in form sets no antiforgery cookie");
        var token = Token(await form.Content.ReadAsStringAsync());

        using var post = new HttpRequestMessage(HttpMethod.Post, "/konto/logga-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = SamverkaFactory.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", CookieHeader(cookies));
        var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var (name, value) in SetCookies(response)) cookies[name] = value;
        Assert.True(cookies.ContainsKey(SignInSecurity.SessionCookie), "Sign-in set no auth cookie");
        return cookies;
    }

    private static async Task<HttpResponseMessage> GetWithCookies(WebApplicationFactory<Program> factory, string url, IDictionary<string, string> cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", CookieHeader(cookies));
        return await Bare(factory).SendAsync(request);
    }

    private static string Token(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("No antiforgery token in the page");

    [Fact]
    public async Task Keys_AfterIssuingCookies_AreStoredInDatabase()
    {
        var response = await Bare(app).GetAsync("/konto/logga-in");
        Assert.Contains(SignInSecurity.AntiforgeryCookie, SetCookies(response).Keys);

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, k =>
        {
            Assert.StartsWith("<key ", k.Xml);
            Assert.Contains("<masterKey", k.Xml);
        });
    }

    [Fact]
    public async Task SignInCookie_FromOneInstance_IsAcceptedByASecondInstanceOnTheSameDatabase()
    {
        var cookies = await SignInAsync(app, SamverkaFactory.Accounts[Roles.RegionalCoordinator]);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookies(app, "/personer", cookies)).StatusCode);

        // A second host: its own services, key ring cache and start-up (migrations, reference and demo
        // data run again against the same database and must change nothing).
        var librariesBefore = await app.WithDbAsync(db => db.Libraries.CountAsync());
        var keysBefore = await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync());
        await using var second = app.WithWebHostBuilder(_ => { });

        var response = await GetWithCookies(second, "/personer", cookies);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Contains("Sara Exempelsson", doc.QuerySelector(".account-name")!.TextContent);

        // Antiforgery tokens cross instances too: a form fetched from one instance posts to the other.
        var signOut = await PostSignOutAcross(app, second, cookies);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.Equal(librariesBefore, await app.WithDbAsync(db => db.Libraries.CountAsync()));
        Assert.Equal(keysBefore, await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == SamverkaFactory.AdminEmail)));
    }

    private static async Task<HttpResponseMessage> PostSignOutAcross(WebApplicationFactory<Program> first, WebApplicationFactory<Program> second, Dictionary<string, string> cookies)
    {
        var page = await GetWithCookies(first, "/konto/logga-ut", cookies);
        foreach (var (name, value) in SetCookies(page)) cookies[name] = value;
        var token = Token(await page.Content.ReadAsStringAsync());
        using var post = new HttpRequestMessage(HttpMethod.Post, "/konto/logga-ut")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", CookieHeader(cookies));
        return await Bare(second).SendAsync(post);
    }

    [Fact]
    public async Task SignInCookie_Tampered_IsRejected()
    {
        var cookies = await SignInAsync(app, SamverkaFactory.Accounts[Roles.RegionalCoordinator]);
        var auth = cookies[SignInSecurity.SessionCookie];
        cookies[SignInSecurity.SessionCookie] = auth[..^8] + (auth[^8] == 'A' ? 'B' : 'A') + auth[^7..];
        var response = await GetWithCookies(app, "/personer", cookies);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
    }
}
