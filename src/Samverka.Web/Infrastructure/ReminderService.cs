using Microsoft.Extensions.Options;
using Samverka.Web.Data;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.LibraryPlans;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Queues the reminders that date rules make due: agreement follow-ups (<see cref="AgreementReminders"/>) and
/// library plans running out (<see cref="PlanReminders"/>), at start and then every <see cref="Interval"/>.
/// Safe with several instances: each queue claims a reminder with INSERT … ON CONFLICT DO NOTHING in the
/// outbox's transaction. Off when the outbox loop is off (PollSeconds 0, as in the tests, which call the
/// queues themselves), since the reminders would only wait in the outbox.
/// </summary>
public class ReminderService(IServiceScopeFactory scopes, TimeProvider time, IOptions<OutboxOptions> outbox,
    IConfiguration config, ILogger<ReminderService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (outbox.Value.PollSeconds <= 0) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunAsync("follow-up", (db, now) => AgreementReminders.QueueDueAsync(db, now, stoppingToken, config["Samverka:PublicUrl"]), stoppingToken);
            await RunAsync("library-plan", (db, now) => PlanReminders.QueueDueAsync(db, now, stoppingToken), stoppingToken);
            try { await Task.Delay(Interval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One queue in its own scope, so a failure in one does not hold up the other.</summary>
    private async Task RunAsync(string kind, Func<AppDbContext, DateTimeOffset, Task<int>> queue, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var queued = await queue(scope.ServiceProvider.GetRequiredService<AppDbContext>(), time.GetUtcNow());
            if (queued > 0) logger.LogInformation("Queued {Count} {Kind} reminders", queued, kind);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The database may be briefly unreachable; the next round catches up (claims are idempotent).
            logger.LogError(e, "The {Kind} reminder round failed", kind);
        }
    }
}
