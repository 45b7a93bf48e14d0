using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;

namespace Samverka.Tests.Security;

/// <summary>A clock the tests move forward: the cookie handler and the security-stamp check read it.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>The app on its own database with a clock the tests control.</summary>
public sealed class ClockFactory : SamverkaFactory
{
    public TestClock Clock { get; } = new();
    protected override string Purpose => "clock";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Idle and absolute timeouts and session revocation (deactivation, password change).</summary>
public class SessionTests(ClockFactory app) : IClassFixture<ClockFactory>
{
    private static async Task AssertSignedIn(HttpClient client) =>
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/personer")).StatusCode);

    private static async Task AssertSignedOut(HttpClient client)
    {
        var response = await client.GetAsync("/personer");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/konto/logga-in", response.Path());
    }

    [Fact]
    public async Task Session_OfADeactivatedAccount_EndsWithinOneMinute()
    {
        var email = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync(email);
        await AssertSignedIn(client);

        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsActive, false)));
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await AssertSignedOut(client);
        // Nor can it sign in again.
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous().SignIn(email)).StatusCode);
    }

    [Fact]
    public async Task PasswordChange_EndsOtherSessionsWithinOneMinute_AndKeepsThisOne()
    {
        var email = await app.CreateUserAsync();
        var other = await app.SignedInClientAsync(email);
        var here = await app.SignedInClientAsync(email);

        var change = await here.PostFormAsync("/konto/losenord", new() { ["CurrentPassword"] = SamverkaFactory.Password, ["NewPassword"] = "ett alldeles nytt lösenord" });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await AssertSignedOut(other);
        await AssertSignedIn(here);
    }

    [Fact]
    public async Task Session_IdleFor31Minutes_IsSignedOut_ButActivityKeepsItAlive()
    {
        var email = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync(email);
        for (var i = 0; i < 4; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(25));
            await AssertSignedIn(client);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await AssertSignedOut(client);
    }

    [Fact]
    public async Task Session_AfterEightHours_IsSignedOut_EvenWhenActive()
    {
        var email = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync(email);
        // Every 20 minutes for 7 h 40 min: sliding renewal and the one-minute revalidation keep it alive.
        for (var i = 0; i < 23; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(20));
            await AssertSignedIn(client);
        }
        app.Clock.Advance(TimeSpan.FromMinutes(21));
        await AssertSignedOut(client);
    }
}
