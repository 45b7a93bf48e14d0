using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Activities;

/// <summary>The outcome of a registration or cancellation; <see cref="Error"/> in Swedish when refused.</summary>
public sealed record RegistrationResult(ActivityRegistration? Registration, int Status, string? Error = null,
    int? WaitingPosition = null, IReadOnlyList<ActivityRegistration>? Promoted = null)
{
    public bool Ok => Error is null;
}

/// <summary>
/// Registration with an exact capacity and a waiting list that runs itself. Every change takes a row
/// lock on the activity (SELECT … FOR UPDATE) in its own transaction, so registrations and
/// cancellations of one activity happen one after the other: the count of confirmed seats read under
/// the lock is the true count, and never exceeds the capacity. A cancellation promotes the next
/// waiting person in the same transaction and queues their e-mail there too: no scheduled job.
/// Requests queue for the lock in <see cref="SeatGate"/> first, so that waiting holds no pooled connection.
/// Shared by the activity page and the API.
/// </summary>
public static class Registrations
{
    private static readonly CultureInfo Sv = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>
    /// Registers a person. Everything that does not decide the seat happens here, before the lock: the activity, the
    /// person, the rules, the duplicate check and both e-mails (the confirmation with its .ics). The seat is decided
    /// in <see cref="SeatBatches"/>, together with whatever other registrations for the activity arrived meanwhile.
    /// </summary>
    public static async Task<RegistrationResult> RegisterAsync(AppDbContext db, int activityId, int personId, string? registeredBy,
        DateTimeOffset now, string baseUrl, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Library).FirstOrDefaultAsync(p => p.Id == personId, ct);
        return person is null ? new(null, 400, "Personen finns inte i katalogen.") : await RegisterAsync(db, activityId, person, registeredBy, now, baseUrl, ct);
    }

    /// <summary>As above, for a person the caller has read already (with their library).</summary>
    public static async Task<RegistrationResult> RegisterAsync(AppDbContext db, int activityId, Person person, string? registeredBy,
        DateTimeOffset now, string baseUrl, CancellationToken ct = default)
    {
        // Only an activity the user may see: a draft of another region is answered as missing.
        var activity = await ActivityRules.Visible(db.Activities, db.Scope).AsNoTracking().Include(a => a.Sessions).Include(a => a.OrganiserLibrary)
            .FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null) return new(null, 404, "Aktiviteten finns inte.");
        if (WindowError(activity, now) is { } closed) return new(null, 400, closed);
        if (!person.IsActive) return new(null, 400, "Personen finns inte i katalogen.");
        var personId = person.Id;
        if (!activity.OpenToOtherLibraries && activity.OrganiserLibrary is { } host && person.Library!.MunicipalityCode != host.MunicipalityCode)
            return new(null, 400, $"Aktiviteten är bara öppen för personal i {host.Name}s kommun.");
        // Answers a repeated registration early; two at once are told apart by the partial unique index.
        if (await db.ActivityRegistrations.AnyAsync(r => r.ActivityId == activityId && r.PersonId == personId && r.Status != RegistrationStatus.Cancelled, ct))
            return new(null, 409, $"{person.Name} är redan anmäld till aktiviteten.");

        var services = SeatBatches.ServicesOf(db);
        var token = InvitationTokens.Create();
        var registration = new ActivityRegistration
        {
            ActivityId = activityId, PersonId = personId, Person = person, CreatedAt = now, RegisteredBy = registeredBy,
            CancelTokenHash = InvitationTokens.Hash(token),
        };
        var request = new SeatBatches.Request(registration,
            Mail(activity, person, RegistrationStatus.Confirmed, null, token, now, baseUrl, ics: CalendarFile(activity, baseUrl, now)),
            Mail(activity, person, RegistrationStatus.Waiting, WaitingPlaceholder, token, now, baseUrl),
            WaitingPlaceholder, services.GetRequiredService<AuditLog>().Actor(db.Scope));
        var decision = await SeatBatches.DecideAsync(services.GetRequiredService<IServiceScopeFactory>(), activityId, request, ct);
        return decision.Status == 201
            ? new(registration, 201, WaitingPosition: decision.WaitingPosition)
            : new(null, decision.Status, decision.Error);
    }

    /// <summary>
    /// Writes and commits while the activity's lock is held. Synchronously on purpose: in a burst, hundreds of
    /// requests queue work on the thread pool, and an awaited write would put the lock holder's continuation behind
    /// all of them, once per round trip, while every other registration for the activity waits for the lock. The
    /// thread is blocked only for the few milliseconds of the insert, the audit row and the commit.
    /// </summary>
    private static void SaveHoldingTheLock(AppDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx)
    {
        db.SaveChanges();
        tx.Commit();
    }

    /// <summary>How long a made calendar file is reused for the confirmations of one activity (a burst makes hundreds).</summary>
    private static readonly TimeSpan CalendarReuse = TimeSpan.FromSeconds(10);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset Made, byte[] Ics)> CalendarFiles = new();

    /// <summary>
    /// The activity's .ics for a confirmation, the same bytes for every confirmation within <see cref="CalendarReuse"/>
    /// as long as the activity, its sessions and the address are the same (the key holds all three). Its DTSTAMP is
    /// then the first one's, a few seconds old, which is what DTSTAMP allows.
    /// </summary>
    private static byte[] CalendarFile(Activity a, string baseUrl, DateTimeOffset now)
    {
        var key = string.Join('|', a.Id, a.UpdatedAt.ToUnixTimeMilliseconds(), a.Status, baseUrl,
            string.Join(',', a.Sessions.Select(x => $"{x.Id}:{x.Date:yyyyMMdd}{x.StartTime:HHmm}{x.EndTime:HHmm}")));
        if (CalendarFiles.TryGetValue(key, out var made) && now - made.Made < CalendarReuse && made.Made <= now) return made.Ics;
        var ics = ICalendar.Write([a], a.Title, baseUrl, now);
        if (CalendarFiles.Count > 100)
            foreach (var old in CalendarFiles.Where(x => now - x.Value.Made >= CalendarReuse).ToList()) CalendarFiles.TryRemove(old.Key, out _);
        CalendarFiles[key] = (now, ics);
        return ics;
    }

    /// <summary>Stands for the waiting-list position in an e-mail prepared before the position is known.</summary>
    private const string WaitingPlaceholder = "{reservplats}";

    /// <summary>
    /// Cancels a registration; a freed seat goes to the next on the waiting list, in this transaction. The activity
    /// and the calendar file of the promoted person's e-mail are prepared before the lock.
    /// </summary>
    public static async Task<RegistrationResult> CancelAsync(AppDbContext db, int registrationId, DateTimeOffset now, string baseUrl, CancellationToken ct = default)
    {
        var activityId = await db.ActivityRegistrations.Where(r => r.Id == registrationId).Select(r => (int?)r.ActivityId).FirstOrDefaultAsync(ct);
        if (activityId is null) return new(null, 404, "Anmälan finns inte.");
        var activity = await db.Activities.AsNoTracking().Include(a => a.Sessions).Include(a => a.OrganiserLibrary)
            .FirstOrDefaultAsync(a => a.Id == activityId, ct);
        if (activity is null) return new(null, 404, "Anmälan finns inte.");
        var ics = ICalendar.Write([activity], activity.Title, baseUrl, now);

        await using var turn = await SeatGate.EnterAsync(activity.Id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var locked = await Seats.LockAsync(db, activity.Id, ct);
        if (locked is null) return new(null, 404, "Anmälan finns inte.");
        activity.Status = locked.Status;
        activity.Capacity = locked.Capacity;
        // From here to the commit the lock is held: synchronous, see SaveHoldingTheLock.
        var registration = db.ActivityRegistrations.IgnoreQueryFilters().Include(r => r.Person).First(r => r.Id == registrationId);
        if (registration.Status == RegistrationStatus.Cancelled) return new(registration, 409, "Anmälan är redan avbokad.");
        if (activity.Sessions.Count > 0 && Start(activity) <= now) return new(registration, 400, "Aktiviteten har redan börjat; anmälan kan inte avbokas.");
        var confirmed = locked.Seats.Confirmed - (registration.Status == RegistrationStatus.Confirmed ? 1 : 0);
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAt = now;
        var promoted = activity.Status == ActivityStatus.Published
            ? Promote(db, activity, activity.Capacity - confirmed, now, baseUrl, ics) : [];
        SaveHoldingTheLock(db, tx);
        return new(registration, 200, Promoted: promoted);
    }

    /// <summary>Fills free seats from the waiting list in order (a cancellation frees one; a raised capacity several).</summary>
    public static async Task<List<ActivityRegistration>> PromoteAsync(AppDbContext db, Activity activity, DateTimeOffset now, string baseUrl, CancellationToken ct) =>
        Promote(db, activity, activity.Capacity - (await Seats.CountAsync(db, activity.Id, ct)).Confirmed, now, baseUrl, null);

    /// <param name="ics">The activity's calendar file for the e-mails, when made beforehand.</param>
    private static List<ActivityRegistration> Promote(AppDbContext db, Activity activity, int free, DateTimeOffset now, string baseUrl, byte[]? ics)
    {
        if (free <= 0) return [];
        // Whoever is next, whatever the user may read in the directory.
        var next = db.ActivityRegistrations.IgnoreQueryFilters().Include(r => r.Person)
            .Where(r => r.ActivityId == activity.Id && r.Status == RegistrationStatus.Waiting)
            .OrderBy(r => r.Id).Take(free).ToList();
        foreach (var r in next)
        {
            r.Status = RegistrationStatus.Confirmed;
            r.PromotedAt = now;
            // The old link's token is unknown (only its hash is kept): the new e-mail carries a new one.
            var token = InvitationTokens.Create();
            r.CancelTokenHash = InvitationTokens.Hash(token);
            db.OutboxMessages.Add(Mail(activity, r.Person!, RegistrationStatus.Confirmed, null, token, now, baseUrl, promoted: true, ics));
        }
        return next;
    }

    /// <summary>Cancels the activity itself and tells everyone registered, in the same transaction.</summary>
    public static async Task CancelActivityAsync(AppDbContext db, Activity activity, string reason, DateTimeOffset now, CancellationToken ct = default)
    {
        activity.Status = ActivityStatus.Cancelled;
        activity.CancellationReason = reason;
        activity.UpdatedAt = now;
        var people = await db.ActivityRegistrations.IgnoreQueryFilters().Where(r => r.ActivityId == activity.Id && r.Status != RegistrationStatus.Cancelled)
            .Select(r => new { r.Person!.Name, r.Person.Email }).ToListAsync(ct);
        foreach (var p in people)
            Outbox.Enqueue(db, p.Email, $"Inställd: {activity.Title}",
                $"Hej {p.Name}!\n\n{activity.Title} är inställd.\n\nAnledning: {reason}\n\n{SessionLines(activity)}\nDin anmälan behöver inte avbokas.\n", now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Why registration is closed now, or null when it is open.</summary>
    public static string? WindowError(Activity a, DateTimeOffset now)
    {
        if (a.Status == ActivityStatus.Cancelled) return "Aktiviteten är inställd; det går inte att anmäla sig.";
        if (a.Status == ActivityStatus.Draft) return "Aktiviteten är inte publicerad ännu.";
        if (a.RegistrationOpensAt is { } opens && now < opens)
            return $"Anmälan öppnar {InvitationTokens.SwedishTime(opens)}.";
        if (a.RegistrationClosesAt is { } closes && now > closes)
            return $"Anmälan stängde {InvitationTokens.SwedishTime(closes)}.";
        if (a.Sessions.Count > 0 && Start(a) <= now) return "Aktiviteten har redan börjat; anmälan är stängd.";
        return null;
    }

    public static DateTimeOffset Start(Activity a)
    {
        var first = a.Sessions.OrderBy(s => s.Date).ThenBy(s => s.StartTime).First();
        return SwedishTimeZone.Instant(first.Date, first.StartTime);
    }

    public static DateTimeOffset End(Activity a)
    {
        var last = a.Sessions.OrderBy(s => s.Date).ThenBy(s => s.EndTime).Last();
        return SwedishTimeZone.Instant(last.Date, last.EndTime);
    }

    /// <summary>"tisdag 12 mars 2019 kl. 09:00–12:00", one line per session.</summary>
    public static string SessionText(ActivitySession s) =>
        $"{s.Date.ToString("dddd d MMMM yyyy", Sv)} kl. {s.StartTime.ToString("HH:mm", Sv)}–{s.EndTime.ToString("HH:mm", Sv)}";

    private static string SessionLines(Activity a) =>
        string.Concat(a.Sessions.OrderBy(s => s.Date).ThenBy(s => s.StartTime).Select(s => "– " + SessionText(s) + "\n"));

    /// <summary>The e-mail about a registration (not yet queued); a confirmed seat's carries the activity as an .ics.</summary>
    /// <param name="ics">The activity's calendar file, when made beforehand (the same for every confirmation).</param>
    private static OutboxMessage Mail(Activity a, Person p, RegistrationStatus status, string? position, string token,
        DateTimeOffset now, string baseUrl, bool promoted = false, byte[]? ics = null)
    {
        var cancel = $"{baseUrl.TrimEnd('/')}/aktiviteter/avboka/{token}";
        var where = string.Join(", ", new[] { a.Place, a.OnlineUrl }.Where(x => !string.IsNullOrWhiteSpace(x)));
        var body = new StringBuilder($"Hej {p.Name}!\n\n");
        if (status == RegistrationStatus.Waiting)
            body.Append($"Aktiviteten {a.Title} är fullbokad. Du står på reservlistan som nummer {position}. ")
                .Append("Om någon avbokar får du platsen automatiskt och ett nytt e-postmeddelande.\n\n");
        else
            body.Append(promoted ? $"En plats har blivit ledig: du har nu en plats på {a.Title}.\n\n" : $"Du är anmäld till {a.Title}.\n\n");
        body.Append(SessionLines(a));
        if (where.Length > 0) body.Append($"Plats: {where}\n");
        body.Append($"\nMer information: {baseUrl.TrimEnd('/')}/aktiviteter/{a.Id}\n");
        body.Append($"Kan du inte komma? Avboka här, så går platsen till nästa på reservlistan:\n{cancel}\n");
        var subject = status == RegistrationStatus.Waiting ? $"Reservlista: {a.Title}" : promoted ? $"Du har fått en plats: {a.Title}" : $"Anmälan bekräftad: {a.Title}";
        var message = Outbox.Message(p.Email, subject, body.ToString(), now);
        if (status == RegistrationStatus.Confirmed)
        {
            message.AttachmentName = "aktivitet.ics";
            message.AttachmentContentType = "text/calendar";
            message.AttachmentContent = ics ?? ICalendar.Write([a], a.Title, baseUrl, now);
        }
        return message;
    }
}
