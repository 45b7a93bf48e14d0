using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Programmes;

namespace Samverka.Web.Features.Engagement;

/// <summary>
/// Empties the public output cache (<see cref="CachePolicies.Directory"/>) after any saved change to
/// programmes, offerings, enrolments or reference groups, or to what the participants-per-100-staff columns are computed
/// from (activities, registrations, attendance, and KB's staff figures as a KB statistics import saves them), so the
/// cached engagement map, coverage and
/// programme pages never outlive the data they show. One place for every write path (pages, API,
/// demo data) instead of an eviction call that each new form could forget.
/// </summary>
public class EngagementCacheInterceptor(IOutputCacheStore cache) : SaveChangesInterceptor
{
    // Set between SavingChanges (when the entries still say what changed) and SavedChanges.
    private readonly ConditionalWeakTable<DbContext, object> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context)) cache.EvictByTagAsync(CachePolicies.Directory, default).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (Take(eventData.Context)) await cache.EvictByTagAsync(CachePolicies.Directory, default);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? db)
    {
        if (db is null) return;
        var changed = db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is Programme or ProgrammeRegion or ProgrammeFunding or ProgrammePartner or Offering or EligibilityException
                or Enrolment or ReferenceGroup or ReferenceGroupMember or Directory.Kb.LibraryStatistic
                or Activities.Activity or Activities.ActivitySession or Activities.ActivityRegistration or Activities.SessionAttendance);
        if (changed) _pending.AddOrUpdate(db, this);
    }

    private bool Take(DbContext? db) => db is not null && _pending.Remove(db);
}
