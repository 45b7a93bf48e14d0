using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>
/// E-mails the library managers of the municipality and the regional coordinators a year and six months
/// before a plan stops being in force, and when it has. Each reminder goes out once: the row in
/// plan_reminders and the e-mails are written in one transaction, and the insert does nothing when the
/// reminder is already there (another instance, or an earlier run, got there first).
/// </summary>
public static class PlanReminders
{
    /// <summary>A plan entered long after it expired is not news: the expiry reminder is sent only this long after.</summary>
    public const int ExpiredWindowDays = 30;

    /// <summary>Which reminder is due on <paramref name="today"/> for a plan ending <paramref name="validTo"/>; null when none.</summary>
    public static string? DueKind(DateOnly validTo, DateOnly today)
    {
        var stops = validTo.AddDays(1);
        if (today >= stops) return today < stops.AddDays(ExpiredWindowDays) ? PlanReminderKinds.Expired : null;
        if (today >= stops.AddMonths(-6)) return PlanReminderKinds.SixMonthsBefore;
        if (today >= stops.AddYears(-1)) return PlanReminderKinds.YearBefore;
        return null;
    }

    /// <summary>A reminder still to come: the day it goes (today when it is due now) and its kind.</summary>
    public sealed record Upcoming(DateOnly On, string Kind);

    /// <summary>
    /// The next reminder for a plan ending <paramref name="validTo"/> that has not gone out yet (<paramref name="sent"/>: the
    /// kinds already sent for this end date), by the schedule <see cref="DueKind"/> sends on; null when none is left. A kind
    /// whose time has passed while a later one is due is skipped, as <see cref="QueueDueAsync"/> skips it.
    /// </summary>
    public static Upcoming? Next(DateOnly validTo, DateOnly today, IReadOnlyCollection<string> sent)
    {
        var stops = validTo.AddDays(1);
        var dueNow = DueKind(validTo, today);
        foreach (var (on, kind) in new[] { (stops.AddYears(-1), PlanReminderKinds.YearBefore), (stops.AddMonths(-6), PlanReminderKinds.SixMonthsBefore),
                     (stops, PlanReminderKinds.Expired) })
        {
            if (sent.Contains(kind)) continue;
            if (on > today) return new(on, kind);
            if (kind == dueNow) return new(today, kind);
        }
        return null;
    }

    /// <summary>"ett år innan planen slutar gälla", for the page and the start page.</summary>
    public static string KindLabel(string kind) => kind switch
    {
        PlanReminderKinds.YearBefore => "ett år innan planen slutar gälla",
        PlanReminderKinds.SixMonthsBefore => "sex månader innan planen slutar gälla",
        _ => "när planen har slutat gälla",
    };

    /// <returns>How many reminders were queued (each to one or more recipients).</returns>
    public static async Task<int> QueueDueAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var today = SwedishTimeZone.Today(now);
        var earliest = today.AddDays(-ExpiredWindowDays - 1);
        var latest = today.AddYears(1);
        var candidates = await db.LibraryPlans.AsNoTracking().Where(p => p.ValidTo >= earliest && p.ValidTo <= latest)
            .Select(p => new { p.Id, p.Title, p.MunicipalityCode, p.CountyCode, MunicipalityCounty = p.Municipality!.CountyCode,
                Owner = p.Municipality != null ? p.Municipality.Name : p.County!.Name, p.ValidTo })
            .ToListAsync(ct);
        var due = candidates.Select(p => (Plan: p, Kind: DueKind(p.ValidTo, today))).Where(x => x.Kind is not null).ToList();
        if (due.Count == 0) return 0;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var queued = 0;
        foreach (var (p, kind) in due)
        {
            var stops = p.ValidTo.AddDays(1);
            // A successor already recorded: the municipality (or region) is not left without a plan.
            if (await db.LibraryPlans.AnyAsync(o => o.Id != p.Id && o.MunicipalityCode == p.MunicipalityCode && o.CountyCode == p.CountyCode
                    && (o.ValidFrom == null || o.ValidFrom <= stops) && o.ValidTo >= stops, ct))
                continue;
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO plan_reminders (plan_id, kind, valid_to, queued_at) VALUES ({p.Id}, {kind}, {p.ValidTo}, {now}) ON CONFLICT DO NOTHING", ct);
            if (inserted == 0) continue;
            var county = p.CountyCode ?? p.MunicipalityCounty;
            var recipients = await db.RoleAssignments.AsNoTracking()
                .Where(r => r.User!.IsActive && r.User.Email != null
                    && ((r.Role == Roles.LibraryManager && p.MunicipalityCode != null && r.MunicipalityCode == p.MunicipalityCode)
                        || (r.Role == Roles.RegionalCoordinator && r.CountyCode == county)))
                .Select(r => r.User!.Email!).Distinct().ToListAsync(ct);
            var (subject, body) = Message(kind!, p.Title, p.Owner, p.ValidTo, p.MunicipalityCode);
            foreach (var to in recipients.Order(StringComparer.Ordinal)) Outbox.Enqueue(db, to, subject, body, now);
            queued++;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return queued;
    }

    private static (string Subject, string Body) Message(string kind, string title, string owner, DateOnly validTo, string? municipalityCode)
    {
        var end = validTo.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"));
        var when = kind switch
        {
            PlanReminderKinds.YearBefore => "om ett år",
            PlanReminderKinds.SixMonthsBefore => "om sex månader",
            _ => "nu",
        };
        var subject = kind == PlanReminderKinds.Expired
            ? $"Biblioteksplanen för {owner} gäller inte längre"
            : $"Biblioteksplanen för {owner} slutar gälla {when}";
        var page = municipalityCode is null ? "/biblioteksplaner" : $"/biblioteksplaner/kommun/{municipalityCode}";
        var body = $"Hej!\n\n{title} för {owner} gäller till och med {end}" +
            (kind == PlanReminderKinds.Expired ? " och har nu slutat gälla." : $", alltså slutar den gälla {when}.") +
            "\n\nKB räknar en plan som tidsmässigt aktuell i två år efter att den slutat gälla, men ett nytt planarbete tar ofta lika lång tid. " +
            $"Registrera den nya planen i Samverka när den är antagen: {page}\n\nDetta är en automatisk påminnelse från Samverka.";
        return (subject, body);
    }
}
