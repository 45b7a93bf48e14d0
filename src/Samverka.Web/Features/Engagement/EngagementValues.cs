using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Engagement;

/// <summary>
/// Engagement per municipality (seed 003's map): the offerings a municipality took during the
/// programme's period (distinct offerings with at least one enrolment) plus one for sitting in a
/// reference group in any year of the period, so 0..(offerings + 1); 0–4 in Skåne.
/// Shared by the engagement pages and the programmes API.
/// <para>
/// CACHING: the engagement pages and API are in the output cache (<c>CachePolicies.Directory</c>).
/// Writes to programmes, offerings, enrolments or reference groups through SaveChanges empty it via
/// EngagementCacheInterceptor; a write that bypasses SaveChanges (ExecuteUpdate/ExecuteDelete, raw
/// SQL) must call <c>cache.EvictByTagAsync(CachePolicies.Directory, ct)</c> itself, or the map and
/// table show stale values for up to ten minutes.
/// </para>
/// </summary>
public static class EngagementValues
{
    public record Place(string Code, string Name, string CountyCode, int Population);
    public record OfferingColumn(int Id, string Name);
    public record Taken(int OfferingId, string MunicipalityCode, int Year);
    public record Membership(string MunicipalityCode, int Year);

    /// <param name="OfferingsTaken">Ids of the offerings taken during the period.</param>
    /// <param name="ReferenceGroupYears">Years the municipality sat in the reference group, ascending.</param>
    public record Row(Place Municipality, IReadOnlySet<int> OfferingsTaken, IReadOnlyList<int> ReferenceGroupYears, int Value)
    {
        public bool InReferenceGroup => ReferenceGroupYears.Count > 0;
    }

    public record Summary(int ProgrammeId, string ProgrammeName, int FromYear, int ToYear, string? DataNote,
        IReadOnlyList<OfferingColumn> Offerings, IReadOnlyList<Row> Rows)
    {
        /// <summary>The highest possible value: every offering plus the reference group.</summary>
        public int Max => Offerings.Count + 1;
        public int Engaged => Rows.Count(r => r.Value > 0);
    }

    /// <summary>One municipality in the national summary: values summed over the programmes covering it.</summary>
    public record NationalRow(Place Municipality, int Value, int Max, int Programmes);

    /// <summary>The calculation, free of the database so it can be tested with the seed's lists.</summary>
    public static Summary Compute(int programmeId, string name, int fromYear, int toYear, string? dataNote,
        IEnumerable<Place> municipalities, IReadOnlyList<OfferingColumn> offerings, IEnumerable<Taken> enrolments, IEnumerable<Membership> members)
    {
        var offeringIds = offerings.Select(o => o.Id).ToHashSet();
        var inPeriod = (int year) => year >= fromYear && year <= toYear;
        var taken = enrolments.Where(e => inPeriod(e.Year) && offeringIds.Contains(e.OfferingId))
            .GroupBy(e => e.MunicipalityCode)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<int>)g.Select(e => e.OfferingId).ToHashSet());
        var years = members.Where(m => inPeriod(m.Year))
            .GroupBy(m => m.MunicipalityCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Select(m => m.Year).Distinct().Order().ToList());
        var rows = municipalities.Select(m =>
        {
            var t = taken.GetValueOrDefault(m.Code) ?? new HashSet<int>();
            var y = years.GetValueOrDefault(m.Code) ?? [];
            return new Row(m, t, y, t.Count + (y.Count > 0 ? 1 : 0));
        }).OrderBy(r => r.Municipality.Name, SwedishText.OrderIgnoringCase).ToList();
        return new Summary(programmeId, name, fromYear, toYear, dataNote, offerings, rows);
    }


    /// <summary>The summary for a programme over its regions' municipalities, or null when there is no such programme.</summary>
    public static async Task<Summary?> ForProgrammeAsync(AppDbContext db, int programmeId, CancellationToken ct = default)
    {
        var p = await db.Programmes.AsNoTracking().Where(x => x.Id == programmeId)
            .Select(x => new { x.Id, x.Name, x.StartDate, x.EndDate, x.DataNote, Counties = x.Regions.Select(r => r.CountyCode).ToList() })
            .FirstOrDefaultAsync(ct);
        if (p is null) return null;
        var offerings = await db.Offerings.AsNoTracking().Where(o => o.ProgrammeId == programmeId)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Name).Select(o => new OfferingColumn(o.Id, o.Name)).ToListAsync(ct);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.Offering!.ProgrammeId == programmeId)
            .Select(e => new Taken(e.OfferingId, e.MunicipalityCode, e.Year)).ToListAsync(ct);
        var members = await db.ReferenceGroupMembers.AsNoTracking()
            .Where(m => m.ReferenceGroup!.ProgrammeId == programmeId && m.MunicipalityCode != null)
            .Select(m => new Membership(m.MunicipalityCode!, m.ReferenceGroup!.Year)).ToListAsync(ct);
        var places = await db.Municipalities.AsNoTracking().Where(m => p.Counties.Contains(m.CountyCode))
            .Select(m => new Place(m.Code, m.Name, m.CountyCode, m.Population)).ToListAsync(ct);
        return Compute(p.Id, p.Name, p.StartDate.Year, p.EndDate.Year, p.DataNote, places, offerings, enrolments, members);
    }

    /// <summary>
    /// Every municipality of the country with its engagement summed over all programmes covering it
    /// (Max = the sum of those programmes' maxima; 0 programmes = not covered by any).
    /// </summary>
    public static async Task<List<NationalRow>> NationalAsync(AppDbContext db, CancellationToken ct = default)
    {
        // Every programme's lists in one query each (not five per programme), then each programme's summary as ForProgrammeAsync makes it.
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.Id)
            .Select(x => new { x.Id, x.Name, x.StartDate, x.EndDate, x.DataNote, Counties = x.Regions.Select(r => r.CountyCode).ToList() })
            .ToListAsync(ct);
        var offerings = (await db.Offerings.AsNoTracking().OrderBy(o => o.SortOrder).ThenBy(o => o.Name)
            .Select(o => new { o.ProgrammeId, Column = new OfferingColumn(o.Id, o.Name) }).ToListAsync(ct)).ToLookup(o => o.ProgrammeId, o => o.Column);
        var enrolments = (await db.Enrolments.AsNoTracking()
            .Select(e => new { e.Offering!.ProgrammeId, Taken = new Taken(e.OfferingId, e.MunicipalityCode, e.Year) }).ToListAsync(ct))
            .ToLookup(e => e.ProgrammeId, e => e.Taken);
        var members = (await db.ReferenceGroupMembers.AsNoTracking().Where(m => m.MunicipalityCode != null)
            .Select(m => new { m.ReferenceGroup!.ProgrammeId, Membership = new Membership(m.MunicipalityCode!, m.ReferenceGroup!.Year) }).ToListAsync(ct))
            .ToLookup(m => m.ProgrammeId, m => m.Membership);
        var all = await AllPlacesAsync(db, ct);
        var summaries = programmes.Select(p => Compute(p.Id, p.Name, p.StartDate.Year, p.EndDate.Year, p.DataNote,
            all.Where(m => p.Counties.Contains(m.CountyCode)), [.. offerings[p.Id]], enrolments[p.Id], members[p.Id]));
        return Sum(all, summaries);
    }

    public static List<NationalRow> Sum(IEnumerable<Place> all, IEnumerable<Summary> summaries)
    {
        var byCode = summaries.SelectMany(s => s.Rows.Select(r => (r.Municipality.Code, r.Value, s.Max)))
            .GroupBy(x => x.Code)
            .ToDictionary(g => g.Key, g => (Value: g.Sum(x => x.Value), Max: g.Sum(x => x.Max), Count: g.Count()));
        return all.Select(m => byCode.TryGetValue(m.Code, out var v) ? new NationalRow(m, v.Value, v.Max, v.Count) : new NationalRow(m, 0, 0, 0))
            .OrderBy(r => r.Municipality.Name, SwedishText.OrderIgnoringCase).ToList();
    }

    public static Task<List<Place>> AllPlacesAsync(AppDbContext db, CancellationToken ct = default) =>
        db.Municipalities.AsNoTracking().Select(m => new Place(m.Code, m.Name, m.CountyCode, m.Population)).ToListAsync(ct);
}
