using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Activities;

/// <summary>
/// One queue per activity in each app instance, in front of the activity's row lock. Without it a burst of
/// registrations for one popular activity (a county opening a course to everyone) would have every request
/// hold a pooled connection while it waits for the row lock, the pool would run dry, and other requests —
/// registrations included — would get 503. Behind the gate at most one request per activity and instance
/// waits on the lock with a connection; the others wait here, in memory, in arrival order, holding none.
/// The row lock stays what makes the seat count exact (several instances, other writers); this only keeps
/// the waiting out of the pool. A request waits at most <see cref="MaxWait"/>, then gets the 503 of a busy server.
/// </summary>
public static class SeatGate
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    private sealed class Entry
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
    }

    private static readonly Dictionary<int, Entry> Entries = [];

    /// <summary>Waits for the activity's turn; dispose the result to let the next request in.</summary>
    public static async Task<IAsyncDisposable> EnterAsync(int activityId, CancellationToken ct)
    {
        Entry entry;
        lock (Entries)
        {
            if (!Entries.TryGetValue(activityId, out entry!)) Entries[activityId] = entry = new Entry();
            entry.Users++;
        }
        try
        {
            if (!await entry.Semaphore.WaitAsync(MaxWait, ct))
                throw new DatabaseBusyException($"Activity {activityId}: no turn within {MaxWait.TotalSeconds} s");
        }
        catch
        {
            Leave(activityId, entry, release: false);
            throw;
        }
        return new Turn(activityId, entry);
    }

    private static void Leave(int activityId, Entry entry, bool release)
    {
        if (release) entry.Semaphore.Release();
        lock (Entries)
            if (--entry.Users == 0) Entries.Remove(activityId);
    }

    private sealed class Turn(int activityId, Entry entry) : IAsyncDisposable
    {
        private int _done;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) Leave(activityId, entry, release: true);
            return ValueTask.CompletedTask;
        }
    }
}
