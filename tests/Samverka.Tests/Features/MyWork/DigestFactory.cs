using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
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
/// Two app instances on one database, as behind a load balancer (<see cref="SecondInstance"/>), with one clock and a public
/// address for the e-mailed links.
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
        _second = new SecondInstance(this, "digestsecond", b => Configure(b, Clock));
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

    /// <summary>A new account of its own (<see cref="TestAccounts"/>), optionally already subscribed to the digest.</summary>
    public async Task<(string Id, string Email)> AccountAsync(bool subscribed, params string[] roles)
    {
        var (id, email) = await this.CreateAccountAsync(roles);
        if (subscribed) await WithDbAsync(db => Digest.SetAsync(db, id, true, DateTimeOffset.UtcNow).ContinueWith(_ => 0));
        return (id, email);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_second is not null) await ((IAsyncLifetime)_second).DisposeAsync();
        await base.DisposeAsync();
    }
}
