using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// E-mail reminders to the parties' contact persons: two weeks before a follow-up and when it is overdue.
/// Each (follow-up, kind) is claimed with INSERT … ON CONFLICT DO NOTHING on a unique index, in the same
/// transaction as its outbox rows: with several instances running this at once, exactly one claims it,
/// and a claim that fails to commit takes its e-mails with it.
/// </summary>
public static class AgreementReminders
{
    /// <param name="publicUrl">Samverka:PublicUrl, so that the e-mail links to the agreement; without it the link is a path.</param>
    /// <returns>How many reminders this call queued (each possibly to several contact persons).</returns>
    public static async Task<int> QueueDueAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct = default, string? publicUrl = null)
    {
        var today = SwedishTimeZone.Today(now);
        var soon = today.AddDays(AgreementRules.ReminderDaysBefore);
        var due = await db.AgreementFollowUps.AsNoTracking()
            .Where(f => f.HeldOn == null && f.DueOn <= soon && f.Agreement!.SignedOn != null && f.Agreement.TerminatedOn == null)
            .Select(f => new
            {
                f.Id, f.DueOn, f.Agreement!.Title, f.AgreementId, Root = f.Agreement.AmendsAgreementId ?? f.AgreementId, f.Agreement.VersionNumber,
                Contacts = f.Agreement.Parties.Where(p => p.ContactEmail != null).Select(p => p.ContactEmail!).ToList(),
            })
            .ToListAsync(ct);
        // A version replaced by a signed amendment is no longer followed up; the amendment's schedule is.
        var signedAmendments = await db.Agreements.AsNoTracking().Where(a => a.AmendsAgreementId != null && a.SignedOn != null)
            .Select(a => new { Root = a.AmendsAgreementId!.Value, a.VersionNumber }).ToListAsync(ct);
        var queued = 0;
        foreach (var f in due.Where(f => !signedAmendments.Any(s => s.Root == f.Root && s.VersionNumber > f.VersionNumber)))
        {
            var kind = f.DueOn < today ? ReminderKind.Overdue : ReminderKind.Upcoming;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var kindText = kind.ToString();
            var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO follow_up_reminders (follow_up_id, kind, queued_at) VALUES ({f.Id}, {kindText}, {now}) ON CONFLICT (follow_up_id, kind) DO NOTHING", ct);
            if (claimed == 0)
            {
                await tx.RollbackAsync(ct);
                continue;
            }
            var (subject, body) = Message(kind, f.Title, f.DueOn, $"{publicUrl?.TrimEnd('/')}/overenskommelser/{f.AgreementId}");
            foreach (var to in f.Contacts.Distinct(StringComparer.OrdinalIgnoreCase))
                Outbox.Enqueue(db, to, subject, body, now);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            queued++;
        }
        return queued;
    }

    private static (string Subject, string Body) Message(ReminderKind kind, string title, DateOnly due, string link) => kind switch
    {
        ReminderKind.Upcoming => ($"Avstämning {due:yyyy-MM-dd}: {title}",
            $"Hej!\n\nOm två veckor, {due:yyyy-MM-dd}, är det dags för avstämning enligt överenskommelsen \"{title}\".\n" +
            $"Anteckna avstämningen i Samverka: {link}\n\nSamverka"),
        _ => ($"Försenad avstämning: {title}",
            $"Hej!\n\nAvstämningen {due:yyyy-MM-dd} enligt överenskommelsen \"{title}\" är inte antecknad.\n" +
            $"Anteckna den i Samverka när den är genomförd: {link}\n\nSamverka"),
    };
}
