using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Samverka.Tests.Features.Activities;
using Samverka.Tests.Security;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Activities;
using Samverka.Web.Infrastructure;
using Xunit.Abstractions;

namespace Samverka.Tests.Infrastructure;

/// <summary>The first of two app instances: its own database and a real SMTP server both instances send through.</summary>
public sealed class TwoInstancesFactory : SamverkaFactory, IAsyncLifetime
{
    protected override string Purpose => "twoinstances";
    public TestSmtpServer Smtp { get; private set; } = null!;
    private SecondInstance? _second;

    /// <summary>The second instance: the same database and SMTP server, its own services, pools and background loops.</summary>
    public SamverkaFactory Second => _second ?? throw new InvalidOperationException("Not initialised");

    async Task IAsyncLifetime.InitializeAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        await InitializeAsync();
        _second = new SecondInstance(this, "secondinstance", b => UseSmtp(b, Smtp.Port));
        await _second.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        UseSmtp(builder, Smtp.Port);
    }

    internal static void UseSmtp(IWebHostBuilder builder, int port)
    {
        builder.UseSetting("Samverka:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Samverka:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Samverka:Smtp:EnableSsl", "false");
    }

    public override async ValueTask DisposeAsync()
    {
        if (_second is not null) await ((IAsyncLifetime)_second).DisposeAsync(); // and its own (unused) database
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>
/// Two app instances on one database, as behind a load balancer: each promise that rests on the database holds across
/// both (sessions, the outbox sending each message once, reminders queued once, seats, lockout).
/// </summary>
public class TwoInstancesTests(TwoInstancesFactory app, ITestOutputHelper output) : IClassFixture<TwoInstancesFactory>
{
    private SamverkaFactory[] Both => [app, app.Second];

    [Fact]
    public async Task SessionCookie_FromOneInstance_WorksOnTheOther()
    {
        var signIn = await app.Anonymous().PostFormAsync("/konto/logga-in", new()
        {
            ["Email"] = SamverkaFactory.Accounts[Roles.RegionalCoordinator], ["Password"] = SamverkaFactory.Password,
        });
        var session = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0])
            .Where(c => c.StartsWith(Samverka.Web.Features.Accounts.SignInSecurity.SessionCookie + "=", StringComparison.Ordinal)));
        Assert.NotEmpty(session);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/personer");
        request.Headers.Add("Cookie", session);
        var other = app.Second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task SeatRace_SplitAcrossBothInstances_ConfirmsExactlyCapacity_AndEachMailIsSentOnce()
    {
        const int capacity = 10, people = 40;
        var id = await ActivitySamples.CreateAsync(app, capacity: capacity);
        var personIds = await ActivitySamples.PeopleAsync(app, people, "Malmö stadsbibliotek");
        var managers = await Task.WhenAll(Both.Select(f => f.SignedInAs(Roles.LibraryManager)));

        var responses = await Task.WhenAll(personIds.Select((pid, i) =>
            managers[i % 2].PostAsJsonAsync($"/api/v1/activities/{id}/registrations", new { personId = pid })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var counts = await ActivitySamples.CountsAsync(app, id);
        Assert.Equal(capacity, counts[RegistrationStatus.Confirmed]);
        Assert.Equal(people - capacity, counts[RegistrationStatus.Waiting]);

        // Both outbox loops drain the queue at the same time: every message reaches the SMTP server exactly once.
        var emails = await app.WithDbAsync(db => db.People.Where(p => personIds.Contains(p.Id)).Select(p => p.Email).ToListAsync());
        var queued = await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => emails.Contains(m.ToAddress)));
        Assert.Equal(people, queued);
        await DrainWithBothAsync();
        var received = app.Smtp.Messages.Where(m => m.Recipients.Any(r => emails.Contains(r))).ToList();
        output.WriteLine($"{people} registrations over 2 instances: {counts[RegistrationStatus.Confirmed]} confirmed, " +
            $"{counts[RegistrationStatus.Waiting]} waiting; {queued} e-mails queued, {received.Count} received");
        Assert.Equal(people, received.Count);
        Assert.Equal(people, received.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => emails.Contains(m.ToAddress) && m.SentAt == null)));
    }

    [Fact]
    public async Task Reminders_RunByBothInstancesAtOnce_AreQueuedOnce()
    {
        var before = await app.WithDbAsync(db => db.OutboxMessages.CountAsync());
        // Every reminder queue of both instances, all at once, twice: as both hourly loops would.
        var rounds = await Task.WhenAll(Enumerable.Range(0, 2).SelectMany(_ => Both).Select(RunRemindersAsync));
        var queued = rounds.Sum();
        var after = await app.WithDbAsync(db => db.OutboxMessages.CountAsync());
        output.WriteLine($"Reminder rounds, 2 per instance at once: {queued} reminders queued in all, {after - before} e-mails");
        Assert.True(queued > 0, "the demo data has reminders due"); // else the race below proves nothing
        // Once queued, nothing is due again: the claims live in the database, not in an instance.
        Assert.Equal(0, (await Task.WhenAll(Both.Select(RunRemindersAsync))).Sum());
        var duplicates = await app.WithDbAsync(db => db.OutboxMessages.GroupBy(m => new { m.ToAddress, m.Subject, m.BodyText })
            .Where(g => g.Count() > 1).Select(g => g.Key.Subject).ToListAsync());
        Assert.Empty(duplicates);
    }

    [Fact]
    public async Task Lockout_FailedAttemptsOnBothInstances_LockTheAccountOnBoth()
    {
        var email = await app.CreateUserAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await Both[attempt % 2].Anonymous().SignIn(email, $"fel-losenord-nummer-{attempt}");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        foreach (var instance in Both)
        {
            var right = await instance.Anonymous().SignIn(email);
            Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
            Assert.Contains("tillfälligt låst", string.Join(" ", (await right.ToDocumentAsync()).ErrorMessages()));
        }
    }

    private static async Task<int> RunRemindersAsync(SamverkaFactory instance)
    {
        var total = 0;
        foreach (var queue in instance.Services.GetServices<IReminderQueue>())
        {
            await using var scope = instance.Services.CreateAsyncScope();
            total += await queue.QueueDueAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), DateTimeOffset.UtcNow, default);
        }
        return total;
    }

    /// <summary>Both instances' outbox senders, concurrently, until neither finds anything due.</summary>
    private async Task DrainWithBothAsync()
    {
        var senders = Both.Select(f => f.Services.GetServices<IHostedService>().OfType<OutboxSender>().Single()).ToArray();
        while ((await Task.WhenAll(senders.Select(s => s.SendDueAsync()))).Sum() > 0) { }
    }
}
