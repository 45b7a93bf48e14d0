using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Samverka.Web.Data;

using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Directory;

namespace Samverka.Web.Infrastructure;

/// <summary>Marks an entity whose rows are not audited (their table is its own record, or they hold secrets).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;

/// <summary>
/// Writes one audit row per created, changed or deleted record, in the same transaction as the change.
/// Before the save it captures what changes (before and after values); ids of new rows exist only
/// after the INSERT, so the rows are written after EF's statements but before the commit: the
/// interceptor opens the transaction when the caller has none and commits it once the audit rows are in.
/// If the save or the audit insert fails, the transaction is rolled back and neither remains.
/// </summary>
public class AuditInterceptor(AuditLog audit) : SaveChangesInterceptor
{
    private sealed record Captured(EntityEntry Entry, EntityState State, string Action,
        Dictionary<string, (object? Before, object? After)> Changes, string? DeletedKey, object?[] DeletedOrg)
    {
        /// <summary>For an account: the organisation of its role assignments as they were before the save.</summary>
        public object?[]? AccountOrg { get; set; }
    }

    private sealed class Pending
    {
        public required List<Captured> Items;
        public IDbContextTransaction? OwnTransaction;
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    private static readonly HashSet<Type> Ignored =
    [
        typeof(AuditEvent), typeof(DataProtectionKey),
        typeof(IdentityUserToken<string>), typeof(IdentityUserLogin<string>), typeof(IdentityUserClaim<string>),
    ];

    /// <summary>The outbox is its own record of every message, and its bodies carry invitation links.</summary>
    private static readonly HashSet<string> IgnoredNames = ["OutboxMessage"];

    /// <summary>Bookkeeping that changes on its own (timestamps, stamps, counters): never a change worth a row.</summary>
    private static readonly HashSet<string> Noise =
    [
        "CreatedAt", "UpdatedAt", "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount",
        "NormalizedEmail", "NormalizedUserName",
    ];

    /// <summary>Never written to the trail, whatever the entity: secrets and their hashes.</summary>
    private static bool IsSecret(string name) =>
        name.Contains("Token", StringComparison.Ordinal) || name.Contains("Hash", StringComparison.Ordinal) ||
        name.Contains("Secret", StringComparison.Ordinal) || name.Contains("Key", StringComparison.Ordinal) ||
        name.Contains("Password", StringComparison.Ordinal) || name.Contains("RecoveryCode", StringComparison.Ordinal);

    /// <summary>A password change is worth recording, its hash is not: it appears as "Password" with hidden values.</summary>
    private const string PasswordField = "Password";
    private const string Hidden = "***";

    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Begin(eventData.Context, sync: true, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken ct = default)
    {
        await Begin(eventData.Context, sync: false, ct);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Finish(eventData.Context, sync: true, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        await Finish(eventData.Context, sync: false, ct);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        Abandon(eventData.Context, sync: true).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default) =>
        Abandon(eventData.Context, sync: false);

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        Abandon(eventData.Context, sync: true).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default) =>
        Abandon(eventData.Context, sync: false);

    private async Task Begin(DbContext? db, bool sync, CancellationToken ct)
    {
        if (db is not AppDbContext) return;
        await Abandon(db, sync); // a previous save that ended without either event
        db.ChangeTracker.DetectChanges();
        var items = new List<Captured>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var clr = e.Metadata.ClrType;
            if (Ignored.Contains(clr) || IgnoredNames.Contains(clr.Name) || clr.IsDefined(typeof(NotAuditedAttribute), true)) continue;
            var changes = Changes(e);
            if (e.State == EntityState.Modified && changes.Count == 0) continue;
            items.Add(new(e, e.State, ActionOf(e, changes), changes,
                e.State == EntityState.Deleted ? Key(e) : null,
                e.State == EntityState.Deleted ? OrgValues(e, original: true) : []));
        }
        if (items.Count == 0) return;
        await CaptureAccountOrganisations((AppDbContext)db, items, sync, ct);
        var pending = new Pending { Items = items };
        if (db.Database.CurrentTransaction is null)
            pending.OwnTransaction = sync ? db.Database.BeginTransaction() : await db.Database.BeginTransactionAsync(ct);
        _pending.AddOrUpdate(db, pending);
    }

    private async Task Finish(DbContext? db, bool sync, CancellationToken ct)
    {
        if (db is null || !_pending.TryGetValue(db, out var pending)) return;
        _pending.Remove(db);
        try
        {
            var app = (AppDbContext)db;
            var records = new List<(AuditActor Actor, AuditRecord Record)>();
            var actor = audit.Actor(app.Scope);
            foreach (var c in pending.Items) records.Add((AuditLog.ActorFor(c.Entry.Entity) ?? actor, await Record(app, c, sync, ct)));
            var tx = db.Database.CurrentTransaction!.GetDbTransaction();
            // One statement per actor: usually one, several for a batch decided on behalf of several requests.
            foreach (var group in records.GroupBy(r => r.Actor))
                await AuditLog.InsertAsync(db.Database.GetDbConnection(), tx, group.Key, [.. group.Select(r => r.Record)], sync, ct);
            if (pending.OwnTransaction is { } own)
            {
                if (sync) own.Commit(); else await own.CommitAsync(ct);
            }
        }
        finally
        {
            if (pending.OwnTransaction is { } own)
            {
                if (sync) own.Dispose(); else await own.DisposeAsync();
            }
        }
    }

    private async Task Abandon(DbContext? db, bool sync)
    {
        if (db is null || !_pending.TryGetValue(db, out var pending)) return;
        _pending.Remove(db);
        if (pending.OwnTransaction is { } own)
        {
            if (sync) own.Dispose(); else await own.DisposeAsync(); // dispose without commit = rollback
        }
    }

    /// <summary>Before and after of the properties that changed; for a new or removed record, all it holds.</summary>
    private static Dictionary<string, (object? Before, object? After)> Changes(EntityEntry e)
    {
        var changes = new Dictionary<string, (object?, object?)>();
        foreach (var p in e.Properties)
        {
            var meta = p.Metadata;
            var name = meta.Name;
            if (meta.IsPrimaryKey() || meta.IsConcurrencyToken || meta.ValueGenerated == ValueGenerated.OnAddOrUpdate ||
                meta.IsShadowProperty() || Noise.Contains(name)) continue;
            var before = e.State == EntityState.Added ? null : p.OriginalValue;
            var after = e.State == EntityState.Deleted ? null : p.CurrentValue;
            if (e.State == EntityState.Modified && (!p.IsModified || Equals(before, after))) continue;
            if (before is null && after is null) continue;
            if (name == "PasswordHash")
            {
                changes[PasswordField] = (before is null ? null : Hidden, after is null ? null : Hidden);
                continue;
            }
            if (IsSecret(name)) continue;
            // File contents (uploaded PDFs) would bloat every audit row: the file's name, size and checksum say enough.
            if (meta.ClrType == typeof(byte[])) continue;
            changes[name] = (before, after);
        }
        return changes;
    }

    /// <summary>
    /// An account has no organisation of its own; its events are filed under its role assignments'
    /// (the narrowest: library, municipality, county), read before the save, so removing the roles
    /// or the account in the same save still leaves the region on the row. Accounts whose roles are
    /// created in the same save are resolved by the insert itself (see AuditLog).
    /// </summary>
    private static async Task CaptureAccountOrganisations(AppDbContext db, List<Captured> items, bool sync, CancellationToken ct)
    {
        var accounts = items.Where(c => c.Entry.Entity is AppUser).ToList();
        if (accounts.Count == 0) return;
        var ids = accounts.Select(c => ((AppUser)c.Entry.Entity).Id).ToArray();
        var query = db.RoleAssignments.IgnoreQueryFilters().AsNoTracking()
            .Where(r => ids.Contains(r.UserId) && (r.CountyCode != null || r.MunicipalityCode != null || r.LibraryId != null))
            .OrderBy(r => r.LibraryId == null).ThenBy(r => r.MunicipalityCode == null).ThenBy(r => r.Id)
            .Select(r => new { r.UserId, r.CountyCode, r.MunicipalityCode, r.LibraryId });
        var roles = sync ? query.ToList() : await query.ToListAsync(ct);
        foreach (var c in accounts)
            if (roles.FirstOrDefault(r => r.UserId == ((AppUser)c.Entry.Entity).Id) is { } r)
                c.AccountOrg = [r.CountyCode, r.MunicipalityCode, r.LibraryId];
    }

    private static string ActionOf(EntityEntry e, Dictionary<string, (object? Before, object? After)> changes)
    {
        if (e.Entity is RoleAssignment) return AuditLog.Actions.RoleChange;
        if (e.State == EntityState.Added) return AuditLog.Actions.Create;
        if (e.State == EntityState.Deleted) return AuditLog.Actions.Delete;
        if (changes.TryGetValue("IsActive", out var active))
            return active.After is false ? AuditLog.Actions.Deactivate : AuditLog.Actions.Activate;
        if (changes.TryGetValue("LockoutEnd", out var lockout) && lockout.After is DateTimeOffset until && until > DateTimeOffset.UtcNow)
            return AuditLog.Actions.Lockout;
        return AuditLog.Actions.Update;
    }

    private static string? Key(EntityEntry e)
    {
        var key = e.Metadata.FindPrimaryKey();
        if (key is null) return null;
        return string.Join(",", key.Properties.Select(p => Convert.ToString(e.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>County, municipality, library of the record: what the region filter reads.</summary>
    private static object?[] OrgValues(EntityEntry e, bool original)
    {
        object? Get(string name) => e.Metadata.FindProperty(name) is null ? null
            : original ? e.Property(name).OriginalValue : e.Property(name).CurrentValue;
        return e.Entity switch
        {
            County => [Get(nameof(County.Code)), null, null],
            Municipality => [Get(nameof(Municipality.CountyCode)), Get(nameof(Municipality.Code)), null],
            _ => [Get("CountyCode"), Get("MunicipalityCode"), Get("LibraryId")],
        };
    }

    private static async Task<AuditRecord> Record(AppDbContext db, Captured c, bool sync, CancellationToken ct)
    {
        var e = c.Entry;
        var type = e.Metadata.ClrType.Name;
        var id = c.DeletedKey ?? Key(e);
        var org = c.AccountOrg ?? (c.State == EntityState.Deleted ? c.DeletedOrg : OrgValues(e, original: false));
        var json = c.Changes.Count == 0 ? null : JsonSerializer.Serialize(
            c.Changes.ToDictionary(kv => kv.Key, kv => new Change(kv.Value.Before, kv.Value.After)), Json);
        var summary = e.Entity is RoleAssignment ra
            ? await RoleSummary(db, ra, c.State, sync, ct)
            : Summary(type, Name(e, c.State) ?? $"#{id}", c.Action, c.Changes.Keys);
        return new(c.Action, summary, type, id, org[0] as string, org[1] as string, org[2] as int?, json);
    }

    private sealed record Change(
        [property: JsonPropertyName("before")] object? Before,
        [property: JsonPropertyName("after")] object? After);

    private static string? Name(EntityEntry e, EntityState state)
    {
        foreach (var name in new[] { "Name", "DisplayName", "Email" })
            if (e.Metadata.FindProperty(name) is not null &&
                (state == EntityState.Deleted ? e.Property(name).OriginalValue : e.Property(name).CurrentValue) is string s && s.Length > 0)
                return s;
        return null;
    }

    private static string Summary(string type, string name, string action, IEnumerable<string> fields)
    {
        var what = $"{AuditLog.EntityLabel(type)} ”{name}”";
        return action switch
        {
            AuditLog.Actions.Create => $"{what} skapades",
            AuditLog.Actions.Delete => $"{what} togs bort",
            AuditLog.Actions.Deactivate => $"{what} avaktiverades",
            AuditLog.Actions.Activate => $"{what} aktiverades igen",
            AuditLog.Actions.Lockout => $"{what} låstes",
            _ => $"{what} ändrades: {string.Join(", ", fields.Select(AuditFields.Label))}",
        };
    }

    private static async Task<string> RoleSummary(AppDbContext db, RoleAssignment ra, EntityState state, bool sync, CancellationToken ct)
    {
        var query = db.Set<AppUser>().IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == ra.UserId).Select(u => u.Email);
        var email = db.Set<AppUser>().Local.FirstOrDefault(u => u.Id == ra.UserId)?.Email
            ?? (sync ? query.FirstOrDefault() : await query.FirstOrDefaultAsync(ct)) ?? ra.UserId;
        var where = ra.CountyCode is { } c ? $" i län {c}" : ra.MunicipalityCode is { } m ? $" i kommun {m}"
            : ra.LibraryId is { } l ? $" på bibliotek {l}" : "";
        var role = $"Rollen {Roles.Labels.GetValueOrDefault(ra.Role, ra.Role)}{where}";
        return state switch
        {
            EntityState.Added => $"{role} gavs till {email}",
            EntityState.Deleted => $"{role} togs bort från {email}",
            _ => $"{role} ändrades för {email}",
        };
    }
}
