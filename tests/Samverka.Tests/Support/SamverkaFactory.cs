using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Accounts;

namespace Samverka.Tests.Support;

/// <summary>
/// The real app on its own fresh PostgreSQL database, with demo data (so every role has an
/// account) and a known administrator. One instance is shared by a test collection.
/// </summary>
public class SamverkaFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@exempel.se";
    public const string Password = "testlosenord-2026-lang";

    /// <summary>Demo accounts by role (see DemoData).</summary>
    public static readonly IReadOnlyDictionary<string, string> Accounts = new Dictionary<string, string>
    {
        [Roles.Admin] = AdminEmail,
        [Roles.RegionalCoordinator] = "sara.exempelsson@exempel.se",
        [Roles.LibraryManager] = "maja.exempel@exempel.se",
        [Roles.LibraryStaff] = "hugo.testsson@exempel.se",
        [Roles.NationalCoordinator] = "nora.nationell@exempel.se",
    };

    private TestDatabase? _db;
    protected virtual string Purpose => "http";
    public TestDatabase Database => _db ?? throw new InvalidOperationException("Not initialised");

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(Purpose);
        // Starts the host: migrations, reference data and demo data run here once.
        _ = Services;
        AdminAuthenticatorKey = await EnableTwoFactorAsync(AdminEmail);
    }

    /// <summary>The administrator's TOTP key: administrators must sign in with a second factor.</summary>
    public string AdminAuthenticatorKey { get; private set; } = "";

    /// <summary>Turns on TOTP for an account, as the set-up page would; returns the shared key for <see cref="Totp"/>.</summary>
    public async Task<string> EnableTwoFactorAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}");
        if (await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key || !user.TwoFactorEnabled)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }
        return key;
    }

    private readonly SemaphoreSlim _adminCode = new(1, 1);

    /// <summary>
    /// Runs <paramref name="submit"/> with an administrator code that has not been used yet: each code
    /// is accepted once, and the suite signs the administrator in many times a minute. The code is of
    /// the first unused step from now to now+1 (the server's drift window); when both are used, the
    /// record of used steps is cleared first (as if the tests had waited). One submission at a time.
    /// </summary>
    public async Task<T> WithUnusedAdminCodeAsync<T>(Func<string, Task<T>> submit)
    {
        await _adminCode.WaitAsync();
        try
        {
            var now = DateTimeOffset.UtcNow;
            var step = SingleUseAuthenticatorTokenProvider.StepAt(now);
            await using (var scope = Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
                var admin = await users.FindByEmailAsync(AdminEmail) ?? throw new InvalidOperationException("No administrator");
                var stored = await users.GetAuthenticationTokenAsync(admin, SingleUseAuthenticatorTokenProvider.LoginProvider, SingleUseAuthenticatorTokenProvider.LastStepToken);
                var last = stored is null ? long.MinValue : long.Parse(stored, System.Globalization.CultureInfo.InvariantCulture);
                if (last >= step + SingleUseAuthenticatorTokenProvider.Window)
                    await users.RemoveAuthenticationTokenAsync(admin, SingleUseAuthenticatorTokenProvider.LoginProvider, SingleUseAuthenticatorTokenProvider.LastStepToken);
                else if (last >= step)
                    now = now.AddSeconds(30 * (last + 1 - step));
            }
            return await submit(Totp.Code(AdminAuthenticatorKey, now));
        }
        finally { _adminCode.Release(); }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Migrations as the database's owner, requests as the least-privilege role (TestDatabase), as ./run does.
        builder.UseSetting("ConnectionStrings:Default", Database.AppConnectionString);
        builder.UseSetting("ConnectionStrings:Migrations", Database.OwnerConnectionString);
        builder.UseSetting("Samverka:AdminEmail", AdminEmail);
        builder.UseSetting("Samverka:AdminPassword", Password);
        builder.UseSetting("Samverka:DemoData", "true");
        builder.UseSetting("Samverka:DemoPassword", Password);
        // No background e-mail loop: tests read the outbox table and call OutboxSender.SendDueAsync themselves.
        builder.UseSetting("Samverka:Outbox:PollSeconds", "0");
        // Every test comes from the same address and signs in as the same few accounts: far above the
        // suite's needs. RateLimitTests checks the limits on a factory of its own.
        builder.UseSetting("Samverka:RateLimits:PerIpPerMinute", "100000");
        builder.UseSetting("Samverka:RateLimits:PerAccount", "100000");
    }

    public T WithDb<T>(Func<AppDbContext, T> action)
    {
        using var scope = Services.CreateScope();
        return action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // Virtual: a derived factory that owns more (a test SMTP server) overrides DisposeAsync to release it.
        await DisposeAsync();
        if (_db is not null) await _db.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public class AppCollection : ICollectionFixture<SamverkaFactory>
{
    public const string Name = "app";
}
