using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Samverka.Web.Data;
using Samverka.Web.Features.Directory;

namespace Samverka.Web.Infrastructure;

/// <summary>A write outside the user's organisation reached SaveChanges: a page forgot its check.</summary>
public class ScopeViolationException(string message) : InvalidOperationException(message);

/// <summary>
/// The last line behind <see cref="DirectoryAccess"/>: before anything is written, every added,
/// changed or deleted library and person must lie (before and after the change) within the
/// organisations the context's user may edit. Otherwise the whole save is refused with an
/// exception, so a page that forgot its check fails loudly instead of writing: ScopeViolationHandler
/// answers it with 403 and an audit row, and the operations log keeps the exception.
/// </summary>
public class ScopeGuardInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db) CheckAsync(db, sync: true, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is AppDbContext db) await CheckAsync(db, sync: false, ct);
        return result;
    }

    public static async Task CheckAsync(AppDbContext db, bool sync, CancellationToken ct)
    {
        var scope = db.Scope;
        if (scope.IsSystem || scope.IsAdmin) return;
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is Library or Person)
            .ToList();
        if (entries.Count == 0) return;

        // Every municipality touched, before and after the change.
        var municipalities = new HashSet<string>();
        var libraryIds = new HashSet<int>();
        foreach (var e in entries)
        {
            if (e.Entity is Library)
            {
                foreach (var v in Values(e, nameof(Library.MunicipalityCode))) municipalities.Add((string)v);
            }
            else if (e.Entity is Person p && p.Library is { } tracked && db.Entry(tracked).State == EntityState.Added)
                municipalities.Add(tracked.MunicipalityCode);
            else
                foreach (var v in Values(e, nameof(Person.LibraryId))) libraryIds.Add((int)v);
        }
        var ids = libraryIds.ToArray();
        var libraryQuery = db.Libraries.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(l => l.MunicipalityCode);
        foreach (var code in sync ? libraryQuery.ToList() : await libraryQuery.ToListAsync(ct)) municipalities.Add(code);

        var codes = municipalities.ToArray();
        var countyQuery = db.Municipalities.AsNoTracking().Where(m => codes.Contains(m.Code)).Select(m => new { m.Code, m.CountyCode });
        var counties = (sync ? countyQuery.ToList() : await countyQuery.ToListAsync(ct)).ToDictionary(m => m.Code, m => m.CountyCode);
        foreach (var code in codes)
        {
            // An unknown municipality is left to the foreign key; a known one must be the user's.
            if (counties.TryGetValue(code, out var county) && !DirectoryAccess.CanEditLibrary(scope, code, county))
                throw new ScopeViolationException($"Refused write outside the user's organisations (municipality {code}, user {scope.UserId}).");
        }
    }

    /// <summary>The current value and, for a change, the original one: moving a record out of scope or in from outside are both writes there.</summary>
    private static IEnumerable<object> Values(EntityEntry e, string property)
    {
        var p = e.Property(property);
        if (e.State != EntityState.Added && p.OriginalValue is { } original) yield return original;
        if (e.State != EntityState.Deleted && p.CurrentValue is { } current) yield return current;
    }
}
