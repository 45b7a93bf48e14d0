using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.MyWork;

/// <summary>
/// The weekly digest: the start page's "Mitt arbete" items (<see cref="WorkItems"/>, and for the national coordinator the
/// national totals of <see cref="RegionTable"/>) by e-mail through the outbox, to accounts that chose it, from Monday 07:00
/// Swedish time. Each account's week is claimed with INSERT … ON CONFLICT DO NOTHING on (account, ISO year, ISO week) in
/// the same transaction as its e-mail, so several instances running the job send it once. A week whose items hash the
/// same as the account's previous week (or with nothing to do) is claimed but not sent.
/// </summary>
public static class Digest
{
    public static readonly TimeOnly SendAt = new(7, 0);

    public readonly record struct Week(int Year, int Number);

    /// <summary>The ISO week whose digest is due at <paramref name="now"/>; null before Monday 07:00 Swedish time of that week.</summary>
    public static Week? DueWeek(DateTimeOffset now)
    {
        var today = SwedishTimeZone.Today(now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if (now < SwedishTimeZone.Instant(monday, SendAt)) return null;
        var date = today.ToDateTime(TimeOnly.MinValue);
        return new(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date));
    }

    /// <summary>What the digest tells the person: the start page's groups with something to do.</summary>
    public static async Task<List<WorkGroup>> ItemsAsync(AppDbContext db, UserScope s, DateTimeOffset now, CancellationToken ct = default)
    {
        var groups = await WorkItems.ForAsync(db, s, now, ct);
        if (s.IsNational)
        {
            var (columns, rows) = await RegionTable.LoadAsync(db, s, now, null, false, ct);
            groups.Add(RegionTable.Totals(columns, rows));
        }
        return groups.Select(g => g with { Items = g.Items.Where(i => i.Count > 0).ToList() }).Where(g => g.Items.Count > 0).ToList();
    }

    /// <summary>One line per item: what is compared with the previous week and kept with the claim.</summary>
    public static string Summary(IEnumerable<WorkGroup> groups) =>
        string.Join("\n", groups.SelectMany(g => g.Items.Select(i => $"{g.Heading}|{i.Key}={i.Count.ToString(CultureInfo.InvariantCulture)}|{i.Href}")));

    public static string Hash(string summary) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(summary)));

    public static string UnsubscribePath(string token) => $"/konto/veckobrev/avsluta/{token}";

    public static (string Subject, string Body) Message(string name, Week week, IReadOnlyList<WorkGroup> groups, string baseUrl, string unsubscribeUrl)
    {
        var sv = CultureInfo.GetCultureInfo("sv-SE");
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Hej {name}!\n\n");
        body.Append(CultureInfo.InvariantCulture, $"Det här behöver göras vecka {week.Number}, samma uppgifter som under Mitt arbete på startsidan i Samverka.\n");
        foreach (var g in groups)
        {
            body.Append(CultureInfo.InvariantCulture, $"\n{g.Heading}\n");
            foreach (var i in g.Items)
                body.Append(CultureInfo.InvariantCulture, $"- {i.Count.ToString("N0", sv)} {i.Text}{(i.Detail is null ? "" : " – " + i.Detail)}\n  {baseUrl}{i.Href}\n");
        }
        body.Append(CultureInfo.InvariantCulture, $"\nMitt arbete: {baseUrl}/\n\n");
        body.Append("Du får veckobrevet varje måndag för att du har valt det under Mina uppgifter, och bara när något har ändrats sedan förra veckan. ");
        body.Append(CultureInfo.InvariantCulture, $"Avsluta veckobrevet: {unsubscribeUrl}\n\nSamverka");
        return ($"Samverka: Mitt arbete vecka {week.Number}", body.ToString());
    }

    /// <returns>How many digests this call sent (claimed weeks with nothing new are not counted).</returns>
    public static async Task<int> QueueDueAsync(IServiceScopeFactory scopes, AppDbContext db, DateTimeOffset now, string? publicUrl,
        CancellationToken ct = default)
    {
        if (DueWeek(now) is not { } week) return 0;
        now = now.ToUniversalTime(); // timestamptz takes UTC only
        var baseUrl = publicUrl?.TrimEnd('/') ?? "";
        var due = await db.DigestSubscriptions.AsNoTracking()
            .Where(s => s.User!.IsActive && s.User.Email != null
                && !db.WeeklyDigests.Any(d => d.UserId == s.UserId && d.IsoYear == week.Year && d.IsoWeek == week.Number))
            .Select(s => s.UserId).OrderBy(id => id).ToListAsync(ct);
        var sent = 0;
        foreach (var userId in due)
        {
            // The items as the person sees them: their scope, and a context filtered by it, as in their own request.
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var user = await services.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(userId);
            if (user?.Email is null) continue;
            var userScope = UserScope.From(await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user));
            services.GetRequiredService<CurrentUser>().ActAs(userScope);
            var groups = await ItemsAsync(services.GetRequiredService<AppDbContext>(), userScope, now, ct);
            var summary = Summary(groups);
            var hash = Hash(summary);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var previous = await db.WeeklyDigests.AsNoTracking()
                .Where(d => d.UserId == userId && (d.IsoYear < week.Year || (d.IsoYear == week.Year && d.IsoWeek < week.Number)))
                .OrderByDescending(d => d.IsoYear).ThenByDescending(d => d.IsoWeek).Select(d => d.ItemsHash).FirstOrDefaultAsync(ct);
            var send = groups.Count > 0 && previous != hash;
            var token = send ? InvitationTokens.Create() : null;
            var tokenHash = token is null ? null : InvitationTokens.Hash(token);
            var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
                $"""
                INSERT INTO weekly_digests (user_id, iso_year, iso_week, items_hash, summary, sent, unsubscribe_token_hash, created_at)
                VALUES ({userId}, {week.Year}, {week.Number}, {hash}, {summary}, {send}, {tokenHash}, {now})
                ON CONFLICT (user_id, iso_year, iso_week) DO NOTHING
                """, ct);
            if (claimed == 0)
            {
                await tx.RollbackAsync(ct);
                continue;
            }
            if (send)
            {
                var unsubscribe = baseUrl + UnsubscribePath(token!);
                var (subject, body) = Message(user.DisplayName, week, groups, baseUrl, unsubscribe);
                var message = Outbox.Enqueue(db, user.Email, subject, body, now);
                if (baseUrl.Length > 0) message.ListUnsubscribe = unsubscribe;
                await db.SaveChangesAsync(ct);
                sent++;
            }
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        return sent;
    }

    public static Task<bool> IsSubscribedAsync(AppDbContext db, string userId, CancellationToken ct = default) =>
        db.DigestSubscriptions.AnyAsync(s => s.UserId == userId, ct);

    /// <summary>Turns the digest on or off for an account (through SaveChanges, so the audit trail records it).</summary>
    public static async Task SetAsync(AppDbContext db, string userId, bool on, DateTimeOffset now, CancellationToken ct = default)
    {
        var existing = await db.DigestSubscriptions.SingleOrDefaultAsync(s => s.UserId == userId, ct);
        if (on && existing is null) db.DigestSubscriptions.Add(new() { UserId = userId, SubscribedAt = now });
        else if (!on && existing is not null) db.DigestSubscriptions.Remove(existing);
        else return;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (on && PostgresErrors.IsUniqueViolation(e)) { } // a simultaneous opt-in got there first
    }

    public enum UnsubscribeResult { Unknown, Unsubscribed, AlreadyOff }

    /// <summary>The account a digest's unsubscribe token belongs to, or null for a token no digest was sent with.</summary>
    public static async Task<string?> TokenOwnerAsync(AppDbContext db, string token, CancellationToken ct = default)
    {
        if (token.Length is 0 or > 100) return null;
        var hash = InvitationTokens.Hash(token);
        return await db.WeeklyDigests.AsNoTracking().Where(d => d.UnsubscribeTokenHash == hash).Select(d => d.UserId).SingleOrDefaultAsync(ct);
    }

    public static async Task<UnsubscribeResult> UnsubscribeAsync(AppDbContext db, string token, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await TokenOwnerAsync(db, token, ct) is not { } userId) return UnsubscribeResult.Unknown;
        if (!await IsSubscribedAsync(db, userId, ct)) return UnsubscribeResult.AlreadyOff;
        await SetAsync(db, userId, false, now, ct);
        return UnsubscribeResult.Unsubscribed;
    }
}
