using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Activities;

/// <summary>An activity's seats as the page, the API and the registration rule count them.</summary>
public readonly record struct SeatCounts(int Confirmed, int Waiting);

/// <summary>
/// The one count of confirmed seats and waiting places, and the one waiting order (first come, first served).
/// Registration and promotion run it inside the activity's lock, so the count they decide on is exact.
/// </summary>
public static class Seats
{
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
