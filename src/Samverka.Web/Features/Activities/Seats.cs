using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Activities;

/// <summary>An activity's seats as the page, the API and the registration rule count them.</summary>
public readonly record struct SeatCounts(int Confirmed, int Waiting);

/// <summary>
/// The activity's row as the seat decision reads it: taken under its row lock, so status, registration
/// window and capacity are the latest committed ones, with the seats counted after the lock was granted.
/// </summary>
public sealed record LockedSeats(ActivityStatus Status, int Capacity, DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt,
    SeatCounts Seats);

/// <summary>
/// The one count of confirmed seats and waiting places, and the one waiting order (first come, first served).
/// Registration and promotion run it inside the activity's lock, so the count they decide on is exact.
/// </summary>
public static class Seats
{
    /// <summary>
    /// Takes the activity's row lock (held until the transaction ends: the next decision for this activity waits
    /// here) and counts its seats, in one round trip: the count is a statement of its own after the lock, so under
    /// READ COMMITTED it sees every decision committed before ours. Null when the activity no longer exists.
    /// Runs inside the caller's transaction.
    /// </summary>
    public static async Task<LockedSeats?> LockAsync(AppDbContext db, int activityId, CancellationToken ct = default)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("Seats.LockAsync runs inside a transaction.");
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands =
            {
                new("SELECT status, capacity, registration_opens_at, registration_closes_at FROM activities WHERE id = $1 FOR UPDATE")
                    { Parameters = { new() { Value = activityId } } },
                new("""
                    SELECT count(*) FILTER (WHERE status = 'Confirmed')::int, count(*) FILTER (WHERE status = 'Waiting')::int
                    FROM activity_registrations WHERE activity_id = $1 AND status <> 'Cancelled'
                    """) { Parameters = { new() { Value = activityId } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var status = Enum.Parse<ActivityStatus>(reader.GetString(0));
        var capacity = reader.GetInt32(1);
        DateTimeOffset? opens = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2);
        DateTimeOffset? closes = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return new(status, capacity, opens, closes, new(reader.GetInt32(0), reader.GetInt32(1)));
    }

    public static async Task<SeatCounts> CountAsync(AppDbContext db, int activityId, CancellationToken ct = default)
    {
        var counts = await db.ActivityRegistrations.Where(r => r.ActivityId == activityId && r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => r.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct);
        return new(counts.FirstOrDefault(c => c.Key == RegistrationStatus.Confirmed)?.N ?? 0,
            counts.FirstOrDefault(c => c.Key == RegistrationStatus.Waiting)?.N ?? 0);
    }

    /// <summary>The waiting registrations' ids, first in line first: a position is the index + 1.</summary>
    public static Task<List<int>> WaitingOrderAsync(AppDbContext db, int activityId, CancellationToken ct = default) =>
        db.ActivityRegistrations.Where(r => r.ActivityId == activityId && r.Status == RegistrationStatus.Waiting)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);

    /// <summary>The place on the waiting list, 1 for the first; null for anyone not waiting.</summary>
    public static int? Position(List<int> waitingOrder, int registrationId, RegistrationStatus status) =>
        status == RegistrationStatus.Waiting ? waitingOrder.IndexOf(registrationId) + 1 : null;
}
