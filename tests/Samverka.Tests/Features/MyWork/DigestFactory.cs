using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.MyWork;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.MyWork;

/// <summary>A clock the digest tests set: both instances' pages, sign-in and the job read it.</summary>
public sealed class SettableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// Two app instances on one database, as behind a load balancer, with one clock and a public address for the e-mailed
/// links. The second instance migrates a database of its own that is never used and serves the first one's.
/// </summary>
public sealed class DigestFactory : SamverkaFactory, IAsyncLifetime
{
    public const string PublicUrl = "https://samverka.exempel.se";
    public SettableClock Clock { get; } = new();
    protected override string Purpose => "digest";
    private SecondInstance? _second;
    public SamverkaFactory Second => _second ?? throw new InvalidOperationException("Not initialised");

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _second = new SecondInstance(this);
        await _second.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Configure(builder, Clock);
    }

    private static void Configure(IWebHostBuilder builder, TimeProvider clock)
    {
        builder.UseSetting("Samverka:PublicUrl", PublicUrl);
        builder.ConfigureTestServices(s => s.AddSingleton(clock));
    }

    /// <summary>The weekly-digest job of one instance, as its reminder loop runs it, at the clock's time.</summary>
    public static async Task<int> RunDigestAsync(SamverkaFactory instance, DateTimeOffset now)
    {
        var queue = instance.Services.GetServices<IReminderQueue>().Single(q => q.Kind == "weekly-digest");
        await using var scope = instance.Services.CreateAsyncScope();
        return await queue.QueueDueAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), now, default);
    }

    /// <summary>
    /// A new account (password <see cref="SamverkaFactory.Password"/>) with the given role claims ("regional:12"), so that
    /// each test's digests depend on nothing another test did; optionally already subscribed.
    /// </summary>
    public async Task<(string Id, string Email)> AccountAsync(bool subscribed, params string[] roles)
    {
        var email = $"{Security.ScopeSupport.Tag().ToLowerInvariant()}@exempel.se";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test Testsson", LockoutEnabled = true };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(", ", created.Errors.Select(e => e.Description)));
        foreach (var role in roles) await AddRoleAsync(user.Id, role);
        if (subscribed) await WithDbAsync(db => Digest.SetAsync(db, user.Id, true, DateTimeOffset.UtcNow).ContinueWith(_ => 0));
        return (user.Id, email);
    }

    /// <summary>"regional:12", "manager:1280".</summary>
    public Task AddRoleAsync(string userId, string role) => WithDbAsync(async db =>
    {
        var (name, value) = (role.Split(':')[0], role.Split(':')[1]);
        db.RoleAssignments.Add(new RoleAssignment
        {
            UserId = userId, Role = name,
            CountyCode = name == Roles.RegionalCoordinator ? value : null,
            MunicipalityCode = name == Roles.LibraryManager ? value : null,
            LibraryId = name == Roles.LibraryStaff ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null,
        });
        return await db.SaveChangesAsync();
    });

    public override async ValueTask DisposeAsync()
    {
        if (_second is not null) await ((IAsyncLifetime)_second).DisposeAsync();
        await base.DisposeAsync();
    }

    private sealed class SecondInstance(DigestFactory first) : SamverkaFactory
    {
        protected override string Purpose => "digestsecond";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Default", first.Database.ConnectionString);
            Configure(builder, first.Clock);
        }
    }
}
