using Microsoft.Extensions.Options;
using Samverka.Web.Data;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// A queue of reminders that a feature's date rules make due (agreement follow-ups, library plans running out).
/// A feature registers its queue with <see cref="ReminderQueues.AddReminderQueue"/>; <see cref="ReminderService"/>
/// runs every registered queue. A queue must be safe with several instances: claim each reminder with
/// INSERT … ON CONFLICT DO NOTHING in the outbox's transaction.
/// </summary>
public interface IReminderQueue
{
    /// <summary>Named in the log: "Queued 3 follow-up reminders".</summary>
    string Kind { get; }

    /// <summary>Queues the reminders due at <paramref name="now"/>; returns how many were queued.</summary>
    Task<int> QueueDueAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct);
}

public static class ReminderQueues
{
    public static IServiceCollection AddReminderQueue<T>(this IServiceCollection services) where T : class, IReminderQueue =>
        services.AddSingleton<IReminderQueue, T>();
}

/// <summary>
/// Runs every <see cref="IReminderQueue"/> at start and then every <see cref="Interval"/>. Off when the outbox
/// loop is off (PollSeconds 0, as in the tests, which call the queues themselves), since the reminders would
/// only wait in the outbox.
/// </summary>
public class ReminderService(IServiceScopeFactory scopes, IEnumerable<IReminderQueue> queues, TimeProvider time,
    IOptions<OutboxOptions> outbox, ILogger<ReminderService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (outbox.Value.PollSeconds <= 0) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var queue in queues) await RunAsync(queue, stoppingToken);
            try { await Task.Delay(Interval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One queue in its own scope, so a failure in one does not hold up the other.</summary>
    private async Task RunAsync(IReminderQueue queue, CancellationToken stoppingToken)
    {
        using var span = Telemetry.Source.StartActivity("reminders." + queue.Kind);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var queued = await queue.QueueDueAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), time.GetUtcNow(), stoppingToken);
            span?.SetTag("samverka.reminders.queued", queued);
            Telemetry.RemindersQueued.Add(queued, new KeyValuePair<string, object?>("kind", queue.Kind));
            if (queued > 0) logger.LogInformation("Queued {Count} {Kind} reminders", queued, queue.Kind);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The database may be briefly unreachable; the next round catches up (claims are idempotent).
            logger.LogError(e, "The {Kind} reminder round failed", queue.Kind);
        }
    }
}
