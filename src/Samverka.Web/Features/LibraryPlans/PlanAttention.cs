using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>
/// A municipality's library plan as its library manager follows it from day to day: the recorded plan in force today
/// that lasts longest (<see cref="InForceTo"/>, null when none is), whether something needs doing (no recorded plan is
/// in force a year from today, i.e. the reminders have started or no plan is registered at all), and the next
/// reminder e-mail still to come by <see cref="PlanReminders.Next"/>.
/// </summary>
public sealed record PlanAttentionRow(string Code, string Name, DateOnly? InForceTo, bool NeedsAttention, PlanReminders.Upcoming? NextReminder);

public static class PlanAttention
{
    public static async Task<List<PlanAttentionRow>> ForAsync(AppDbContext db, IEnumerable<string> municipalities, DateOnly today,
        CancellationToken ct = default)
    {
        var codes = municipalities.ToArray();
        var names = await db.Municipalities.AsNoTracking().Where(m => codes.Contains(m.Code)).Select(m => new { m.Code, m.Name }).ToListAsync(ct);
        var plans = await db.LibraryPlans.AsNoTracking().Where(p => p.MunicipalityCode != null && codes.Contains(p.MunicipalityCode))
            .Select(p => new { p.Id, Code = p.MunicipalityCode!, p.ValidFrom, p.ValidTo }).ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToArray();
        var sent = await db.PlanReminders.AsNoTracking().Where(r => ids.Contains(r.PlanId))
            .Select(r => new { r.PlanId, r.Kind, r.ValidTo }).ToListAsync(ct);
        var yearAhead = today.AddYears(1);
        return [.. names.OrderBy(m => m.Name, SwedishText.Order).Select(m =>
        {
            var own = plans.Where(p => p.Code == m.Code).ToList();
            var inForce = own.Where(p => PlanRules.InForceOn(new PlanPeriod(p.ValidFrom, p.ValidTo), today)).MaxBy(p => p.ValidTo);
            // The plan the reminders are about: the one ending last (an earlier one has a successor, so it gets none).
            var subject = own.MaxBy(p => p.ValidTo);
            var next = subject is null ? null
                : PlanReminders.Next(subject.ValidTo, today, [.. sent.Where(r => r.PlanId == subject.Id && r.ValidTo == subject.ValidTo).Select(r => r.Kind)]);
            var covered = own.Any(p => PlanRules.InForceOn(new PlanPeriod(p.ValidFrom, p.ValidTo), yearAhead));
            return new PlanAttentionRow(m.Code, m.Name, inForce?.ValidTo, !covered, next);
        })];
    }
}
