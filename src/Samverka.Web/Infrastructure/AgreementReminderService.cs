using Microsoft.Extensions.Options;
using Samverka.Web.Catalog;
using Samverka.Web.Data;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Queues follow-up reminders every <see cref="Interval"/>. Safe with several instances: see
/// <see cref="AgreementReminders.QueueDueAsync"/>. Off when the outbox loop is off (PollSeconds 0, as in the
/// tests, which call QueueDueAsync themselves), since the reminders would only wait in the outbox.
/// </summary>
public class AgreementReminderService(IServiceScopeFactory scopes, TimeProvider time, IOptions<OutboxOptions> outbox,
    IConfiguration config, ILogger<AgreementReminderService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (outbox.Value.PollSeconds <= 0) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var queued = await AgreementReminders.QueueDueAsync(db, time.GetUtcNow(), stoppingToken, config["Samverka:PublicUrl"]);
                if (queued > 0) logger.LogInformation("Queued {Count} follow-up reminders", queued);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unreachable; the next round catches up (claims are idempotent).
                logger.LogError(e, "Follow-up reminder round failed");
            }
            try { await Task.Delay(Interval, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
