using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Activities;

/// <summary>
/// Seat decisions in batches: group commit for one activity's registrations. A burst (a county opening a course to
/// everyone) would otherwise take the activity's row lock once per registration, and every decision would wait for
/// the previous one's insert, audit row and commit. Here a request prepares everything (the registration, both
/// e-mails, who acts) and joins the activity's queue in this instance; one drain at a time takes whatever has queued,
/// and decides it in one transaction: the lock and the count once, then every registration in arrival order
/// (confirmed while seats remain, then the waiting list), one save, one commit. Requests that arrive meanwhile form
/// the next batch. The row lock still makes the count exact across instances and against cancellations; the drain
/// holds one pooled connection per activity and instance (through <see cref="SeatGate"/>), the waiting requests none.
/// Each registration's audit row names the person who asked for it, not the drain.
/// </summary>
public static class SeatBatches
{
    /// <summary>The most registrations one transaction decides; a longer queue is decided in several.</summary>
    public const int MaxBatch = 500;

    /// <summary>A prepared registration waiting for its seat decision.</summary>
    public sealed class Request(ActivityRegistration registration, OutboxMessage confirmedMail, OutboxMessage waitingMail,
        string waitingPlaceholder, AuditActor actor)
    {
        public ActivityRegistration Registration { get; } = registration;
        public OutboxMessage ConfirmedMail { get; } = confirmedMail;
        public OutboxMessage WaitingMail { get; } = waitingMail;
        public string WaitingPlaceholder { get; } = waitingPlaceholder;
        /// <summary>The waiting mail's text before its position is filled in (a batch may be decided twice).</summary>
        public string WaitingTemplate { get; } = waitingMail.BodyText;
        public AuditActor Actor { get; } = actor;
        internal readonly TaskCompletionSource<Decision> Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The seat decision: <see cref="Status"/> 201 with the registration's status, or an error in Swedish.</summary>
    public sealed record Decision(int Status, string? Error = null, int? WaitingPosition = null);

    private sealed class Queue
    {
        public readonly List<Request> Pending = [];
        public bool Draining;
    }

    private static readonly Dictionary<int, Queue> Queues = [];

    /// <summary>
    /// Queues the request and waits for its decision. Gives up with <see cref="DatabaseBusyException"/> (the 503 of a
    /// busy server) after <see cref="SeatGate.MaxWait"/> only while the request is still queued: once a drain has
    /// taken it, the answer is awaited, so nobody is told "busy" and registered all the same.
    /// </summary>
    public static async Task<Decision> DecideAsync(IServiceScopeFactory scopes, int activityId, Request request, CancellationToken ct)
    {
        bool start;
        lock (Queues)
        {
            if (!Queues.TryGetValue(activityId, out var queue)) Queues[activityId] = queue = new Queue();
            queue.Pending.Add(request);
            start = !queue.Draining;
            queue.Draining = true;
        }
        if (start)
        {
            // The drain outlives this request (it decides for others too): no request context, no request's cancellation.
            using (ExecutionContext.SuppressFlow())
                _ = Task.Run(() => DrainAsync(scopes, activityId));
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SeatGate.MaxWait);
        try
        {
            return await request.Done.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            lock (Queues)
            {
                if (Queues.TryGetValue(activityId, out var queue) && queue.Pending.Remove(request))
                {
                    if (ct.IsCancellationRequested) throw;
                    throw new DatabaseBusyException($"Activity {activityId}: no seat decision within {SeatGate.MaxWait.TotalSeconds} s");
                }
            }
            return await request.Done.Task;
        }
    }

    private static async Task DrainAsync(IServiceScopeFactory scopes, int activityId)
    {
        while (true)
        {
            List<Request> batch;
            lock (Queues)
            {
                var queue = Queues[activityId];
                if (queue.Pending.Count == 0)
                {
                    Queues.Remove(activityId);
                    return;
                }
                batch = queue.Pending.Take(MaxBatch).ToList();
                queue.Pending.RemoveRange(0, batch.Count);
            }
            try
            {
                await DecideBatchAsync(scopes, activityId, batch);
            }
            catch (Exception e)
            {
                foreach (var r in batch) r.Done.TrySetException(e);
            }
        }
    }

    /// <summary>
    /// One transaction for the batch. When one of them is refused by the database (the same person registered at the
    /// same moment through another instance: the partial unique index), the batch is decided again one by one, so
    /// only that one gets the 409.
    /// </summary>
    private static async Task DecideBatchAsync(IServiceScopeFactory scopes, int activityId, List<Request> batch)
    {
        try
        {
            Complete(batch, await TryBatchAsync(scopes, activityId, batch));
        }
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e) && batch.Count > 1)
        {
            foreach (var r in batch)
            {
                try
                {
                    Complete([r], await TryBatchAsync(scopes, activityId, [r]));
                }
                catch (DbUpdateException one) when (PostgresErrors.IsUniqueViolation(one))
                {
                    r.Done.TrySetResult(new(409, $"{r.Registration.Person?.Name ?? "Personen"} är redan anmäld till aktiviteten."));
                }
            }
        }
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
        {
            batch[0].Done.TrySetResult(new(409, $"{batch[0].Registration.Person?.Name ?? "Personen"} är redan anmäld till aktiviteten."));
        }
    }

    private static void Complete(List<Request> batch, List<Decision> decisions)
    {
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(decisions[i]);
    }

    private static async Task<List<Decision>> TryBatchAsync(IServiceScopeFactory scopes, int activityId, List<Request> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var turn = await SeatGate.EnterAsync(activityId, CancellationToken.None);
        await using var tx = await db.Database.BeginTransactionAsync();
        var locked = await Seats.LockAsync(db, activityId);
        if (locked is null) return [.. batch.Select(_ => new Decision(404, "Aktiviteten finns inte."))];
        // The activity as the registrations were prepared, with what may have changed since from under the lock:
        // an edit may have cancelled it or closed its registration.
        var activity = await db.Activities.AsNoTracking().Include(a => a.Sessions).FirstAsync(a => a.Id == activityId);
        activity.Status = locked.Status;
        activity.RegistrationOpensAt = locked.RegistrationOpensAt;
        activity.RegistrationClosesAt = locked.RegistrationClosesAt;
        var now = batch.Max(r => r.Registration.CreatedAt);
        if (Registrations.WindowError(activity, now) is { } closed) return [.. batch.Select(_ => new Decision(400, closed))];

        var (confirmed, waiting) = (locked.Seats.Confirmed, locked.Seats.Waiting);
        var decisions = new List<Decision>(batch.Count);
        var people = new List<Person?>(batch.Count);
        foreach (var r in batch)
        {
            var registration = r.Registration;
            // A batch decided again after a refusal starts from fresh rows: no key of the rolled-back attempt.
            registration.Id = 0;
            r.ConfirmedMail.Id = 0;
            r.WaitingMail.Id = 0;
            int? position = null;
            if (confirmed < locked.Capacity)
            {
                registration.Status = RegistrationStatus.Confirmed;
                confirmed++;
                db.OutboxMessages.Add(r.ConfirmedMail);
            }
            else
            {
                registration.Status = RegistrationStatus.Waiting;
                position = ++waiting;
                r.WaitingMail.BodyText = r.WaitingTemplate.Replace(r.WaitingPlaceholder,
                    position.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                db.OutboxMessages.Add(r.WaitingMail);
            }
            // The person was read by the request's own context: only the key comes along.
            people.Add(registration.Person);
            registration.Person = null;
            db.ActivityRegistrations.Add(registration);
            AuditLog.ActFor(registration, r.Actor);
            decisions.Add(new(201, WaitingPosition: position));
        }
        try
        {
            // Synchronously while the lock is held: a burst queues hundreds of continuations on the thread pool, and an
            // awaited write would put the lock holder behind all of them once per round trip.
            db.SaveChanges();
            tx.Commit();
        }
        finally
        {
            for (var i = 0; i < batch.Count; i++) batch[i].Registration.Person = people[i];
        }
        return decisions;
    }

    /// <summary>The application's services as the context was made with (the request's scope in a request).</summary>
    internal static IServiceProvider ServicesOf(AppDbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
        ?? throw new InvalidOperationException("The context was made without the application's services.");
}
