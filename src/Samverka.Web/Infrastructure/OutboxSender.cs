using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Samverka.Web.Data;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Sends due outbox messages: every few seconds, and at once when <see cref="Wake"/> is called after a
/// commit. Each batch is locked with FOR UPDATE SKIP LOCKED inside a transaction, so several
/// instances (or two overlapping calls) never pick the same message. A failed send keeps the
/// message, counts the attempt, stores the error and tries again later with a growing delay; no
/// message is ever given up or deleted.
/// </summary>
public class OutboxSender(IServiceScopeFactory scopes, IMailSender mail, TimeProvider time,
    IOptions<OutboxOptions> options, ILogger<OutboxSender> logger) : BackgroundService
{
    public const int BatchSize = 20;

    private static readonly TimeSpan[] Backoff =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(6),
    ];

    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Delay before the next try after <paramref name="attempts"/> failures; capped at the last step.</summary>
    public static TimeSpan RetryDelay(int attempts) => Backoff[Math.Clamp(attempts, 1, Backoff.Length) - 1];

    /// <summary>Asks the loop to look now instead of at the next poll.</summary>
    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try { _signal.Release(); } catch (SemaphoreFullException) { }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.PollSeconds <= 0) return;
        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) == BatchSize) { }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly unreachable; the messages wait for the next round.
                logger.LogError(e, "Outbox round failed");
            }
            try { await _signal.WaitAsync(interval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Sends one batch of due messages; returns how many it handled (sent or rescheduled).</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        using var span = Telemetry.Source.StartActivity("outbox.send");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var due = await db.OutboxMessages.FromSql($"""
            SELECT * FROM outbox_messages
            WHERE sent_at IS NULL AND next_attempt_at <= {now}
            ORDER BY next_attempt_at, id
            LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        foreach (var message in due)
        {
            message.Attempts++;
            try
            {
                await mail.SendAsync(message, ct);
                message.SentAt = time.GetUtcNow();
                message.Delivery = mail.Delivery;
                message.LastError = null;
                logger.LogInformation("Outbox message {MessageId} delivered ({Delivery})", message.Id, mail.Delivery);
                Telemetry.MailSent.Add(1);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                message.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                message.NextAttemptAt = now + RetryDelay(message.Attempts);
                Telemetry.MailFailed.Add(1);
                logger.LogWarning(e, "Outbox message {MessageId} failed (attempt {Attempts}); next try {NextAttempt}",
                    message.Id, message.Attempts, message.NextAttemptAt);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        span?.SetTag("samverka.outbox.batch", due.Count);
        return due.Count;
    }
}
