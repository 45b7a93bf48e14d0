using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;

namespace Samverka.Tests.Security;

/// <summary>
/// The app with low sign-in limits (6 per address per minute, 3 per account) on its own database.
/// A test header stands in for the client address, so each test has its own address.
/// </summary>
public sealed class RateLimitedFactory : SamverkaFactory
{
    public const string AddressHeader = "X-Test-Client-Address";
    protected override string Purpose => "ratelimit";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samverka:RateLimits:PerIpPerMinute", "6");
        builder.UseSetting("Samverka:RateLimits:PerAccount", "3");
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    public HttpClient From(string address)
    {
        var client = this.Anonymous();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, n) =>
            {
                if (ctx.Request.Headers.TryGetValue(AddressHeader, out var a)) ctx.Connection.RemoteIpAddress = IPAddress.Parse(a.ToString());
                return n();
            });
            next(app);
        };
    }
}

public class RateLimitTests(RateLimitedFactory app) : IClassFixture<RateLimitedFactory>
{
    private static async Task AssertTooManyRequests(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 15 * 60);
        var doc = await response.ToDocumentAsync();
        Assert.Equal("För många försök", doc.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task Post_BurstFromOneAddress_Gets429WithRetryAfter()
    {
        var client = app.From("198.51.100.7");
        for (var i = 1; i <= 6; i++)
        {
            var attempt = await client.SignIn($"ingen.{i}@exempel.se", "fel-losenord-helt-klart");
            Assert.Equal(HttpStatusCode.BadRequest, attempt.StatusCode);
        }
        await AssertTooManyRequests(await client.SignIn("ingen.7@exempel.se", "fel-losenord-helt-klart"));
        // The second step of sign-in counts for the address too.
        await AssertTooManyRequests(await client.PostFormAsync("/konto/logga-in/kod", new() { ["Code"] = "123456" }, "/konto/logga-in"));
        // Other addresses are not affected; reading the form is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/konto/logga-in")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.From("198.51.100.8").SignIn("ingen.8@exempel.se", "fel-losenord-helt-klart")).StatusCode);
    }

    [Fact]
    public async Task Post_BurstForOneAccountFromManyAddresses_Gets429_EvenWithTheRightPassword()
    {
        var email = await app.CreateUserAsync();
        for (var i = 1; i <= 3; i++)
        {
            var attempt = await app.From($"203.0.113.{i}").SignIn(email, "fel-losenord-helt-klart");
            Assert.Equal(HttpStatusCode.BadRequest, attempt.StatusCode);
        }
        // Another spelling of the same address is the same account.
        var blocked = app.From("203.0.113.50");
        var response = await blocked.SignIn(" " + email.ToUpperInvariant());
        await AssertTooManyRequests(response);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith(Samverka.Web.Features.Accounts.SignInSecurity.SessionCookie + "="));
        Assert.Equal(HttpStatusCode.Redirect, (await blocked.GetAsync("/personer")).StatusCode);
        // Another account from the same addresses is not affected.
        var other = await app.CreateUserAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await app.From("203.0.113.1").SignIn(other)).StatusCode);
    }
}
