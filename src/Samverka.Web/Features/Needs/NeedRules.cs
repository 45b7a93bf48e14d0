using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Engagement;

namespace Samverka.Web.Features.Needs;

/// <summary>
/// Who sees and manages needs and priority rounds, the round's result, and merging duplicates. Shared by
/// the pages and the API. A user's regions are the counties they coordinate, and the counties of the
/// municipalities they manage and of the libraries they work in.
/// </summary>
public static class NeedRules
{
    public static string SourceLabel(NeedSource s) => s switch
    {
        NeedSource.Library => "Ett bibliotek",
        NeedSource.BibblanSvarar => "Bibblan svarar",
        NeedSource.Digiteket => "Digiteket",
        NeedSource.ReferenceGroup => "Referensgruppen",
        NeedSource.SelfAssessment => "En självskattningsomgång",
        NeedSource.EnvironmentalScan => "Omvärldsbevakning eller SWOT",
        _ => "Ett samverkansområde i en överenskommelse",
    };

    public static async Task<HashSet<string>> RegionsOfAsync(AppDbContext db, UserScope s, CancellationToken ct = default)
    {
        var municipalities = s.Municipalities.ToArray();
        var libraries = s.Libraries.ToArray();
        var counties = new HashSet<string>(s.Counties);
        counties.UnionWith(await db.Municipalities.AsNoTracking().Where(m => municipalities.Contains(m.Code)).Select(m => m.CountyCode).ToListAsync(ct));
        counties.UnionWith(await db.Libraries.AsNoTracking().Where(l => libraries.Contains(l.Id)).Select(l => l.Municipality!.CountyCode).ToListAsync(ct));
        return counties;
    }

    /// <summary>National needs and those of the user's regions; everything for administrators and the national coordinator.</summary>
    public static async Task<IQueryable<Need>> VisibleNeedsAsync(AppDbContext db, UserScope s, CancellationToken ct = default)
    {
        if (s.ReadsEverything) return db.Needs;
        var regions = (await RegionsOfAsync(db, s, ct)).ToArray();
        return db.Needs.Where(n => n.CountyCode == null || regions.Contains(n.CountyCode));
    }

    /// <summary>Needs nothing answers yet: none of <see cref="NeedAnswers"/>' four kinds is linked.</summary>
    public static IQueryable<Need> Unanswered(IQueryable<Need> q) =>
        q.Where(n => !n.Activities.Any() && !n.Offerings.Any() && !n.Agreements.Any() && !n.PlanActions.Any());

    /// <summary>Priority rounds still taking ballots.</summary>
    public static IQueryable<PriorityRound> Open(IQueryable<PriorityRound> q) => q.Where(r => r.ClosedAt == null);

    /// <summary>The needs list as the page filters it and the start page counts it (?lan=, ?visa=utan-svar).</summary>
    public static async Task<IQueryable<Need>> ListedAsync(AppDbContext db, UserScope s, string? county, bool unansweredOnly, CancellationToken ct = default)
    {
        var q = (await VisibleNeedsAsync(db, s, ct)).AsNoTracking().Where(n => n.MergedIntoId == null);
        if (!string.IsNullOrEmpty(county)) q = q.Where(n => n.CountyCode == county);
        return unansweredOnly ? Unanswered(q) : q;
    }

    /// <summary>The priority rounds list as the page filters it and the start page counts it (?lan=, ?omgangar=pagaende).</summary>
    public static async Task<IQueryable<PriorityRound>> RoundsListedAsync(AppDbContext db, UserScope s, string? county, bool openOnly, CancellationToken ct = default)
    {
        var regions = (await RegionsOfAsync(db, s, ct)).ToArray();
        var everything = s.ReadsEverything;
        var q = db.PriorityRounds.AsNoTracking().Where(r => everything || r.Regions.Any(x => regions.Contains(x.CountyCode)));
        if (!string.IsNullOrEmpty(county)) q = q.Where(r => r.Regions.Any(x => x.CountyCode == county));
        return openOnly ? Open(q) : q;
    }

    /// <summary>Coordinators manage their regions' needs; national needs are the national coordinator's.</summary>
    public static bool CanManageNeed(UserScope s, string? countyCode) =>
        s.IsSystem || s.IsAdmin || (countyCode is null ? s.IsNational : s.Counties.Contains(countyCode));

    public static async Task<bool> CanSeeRoundAsync(AppDbContext db, UserScope s, IEnumerable<string> roundRegions, CancellationToken ct = default) =>
        s.ReadsEverything || (await RegionsOfAsync(db, s, ct)).Overlaps(roundRegions);

    /// <summary>A round is run by a coordinator of one of its regions (or an administrator).</summary>
    public static bool CanManageRound(UserScope s, IEnumerable<string> roundRegions) =>
        s.IsSystem || s.IsAdmin || roundRegions.Any(s.Counties.Contains);

    /// <summary>Library representatives of the round's regions; the national coordinator reads but does not vote.</summary>
    public static async Task<bool> MayVoteAsync(AppDbContext db, UserScope s, IEnumerable<string> roundRegions, CancellationToken ct = default) =>
        s.IsSignedIn && s.Email is not null && (await RegionsOfAsync(db, s, ct)).Overlaps(roundRegions);

    public record ResultRow(int NeedId, string Title, int Points, int Voters, int? Rank, bool IsPriority);

    /// <summary>The needs of a round in order of points (then title); ranks as stored at closing, or as they stand.</summary>
    public static async Task<List<ResultRow>> ResultAsync(AppDbContext db, int roundId, CancellationToken ct = default)
    {
        var needs = await db.PriorityRoundNeeds.AsNoTracking().Where(x => x.RoundId == roundId)
            .Select(x => new { x.NeedId, x.Need!.Title, x.Rank, x.IsPriority }).ToListAsync(ct);
        var points = await db.PriorityPoints.AsNoTracking().Where(p => p.Ballot!.RoundId == roundId)
            .GroupBy(p => p.NeedId).Select(g => new { NeedId = g.Key, Points = g.Sum(p => p.Points), Voters = g.Count() }).ToDictionaryAsync(g => g.NeedId, ct);
        return [.. needs.Select(n => new ResultRow(n.NeedId, n.Title, points.TryGetValue(n.NeedId, out var p) ? p.Points : 0,
                p?.Voters ?? 0, n.Rank, n.IsPriority))
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenByDescending(r => r.Points).ThenBy(r => r.Title, SwedishText.OrderIgnoringCase)];
    }

    /// <summary>Closes a round: ranks by points (ties share the order of their titles), the top N become priorities.</summary>
    public static async Task CloseAsync(AppDbContext db, PriorityRound round, DateTimeOffset now, CancellationToken ct = default)
    {
        var order = (await ResultAsync(db, round.Id, ct)).OrderByDescending(r => r.Points).ThenBy(r => r.Title, SwedishText.OrderIgnoringCase).ToList();
        var rows = await db.PriorityRoundNeeds.Where(x => x.RoundId == round.Id).ToDictionaryAsync(x => x.NeedId, ct);
        for (var i = 0; i < order.Count; i++)
        {
            rows[order[i].NeedId].Rank = i + 1;
            rows[order[i].NeedId].IsPriority = i < round.TopCount && order[i].Points > 0;
        }
        round.ClosedAt = now;
    }

    /// <summary>
    /// Merges <paramref name="duplicate"/> into <paramref name="target"/>: supporters, round places, votes and
    /// answers move, each once (a supporter of both stays one supporter; one ballot's points for both are added
    /// together). The duplicate stays as a row pointing to the target, so old links still lead somewhere.
    /// </summary>
    public static async Task MergeAsync(AppDbContext db, Need duplicate, Need target, CancellationToken ct = default)
    {
        await MoveAsync(db, db.NeedSupporters.Where(x => x.NeedId == duplicate.Id),
            await db.NeedSupporters.Where(x => x.NeedId == target.Id).Select(x => x.UserEmail).ToListAsync(ct), x => x.UserEmail,
            x => new NeedSupporter { NeedId = target.Id, UserEmail = x.UserEmail, CreatedAt = x.CreatedAt }, ct);
        await MoveAsync(db, db.PriorityRoundNeeds.Where(x => x.NeedId == duplicate.Id),
            await db.PriorityRoundNeeds.Where(x => x.NeedId == target.Id).Select(x => x.RoundId).ToListAsync(ct), x => x.RoundId,
            x => new PriorityRoundNeed { RoundId = x.RoundId, NeedId = target.Id, Rank = x.Rank, IsPriority = x.IsPriority }, ct);
        await MoveAsync(db, db.NeedActivities.Where(x => x.NeedId == duplicate.Id),
            await db.NeedActivities.Where(x => x.NeedId == target.Id).Select(x => x.ActivityId).ToListAsync(ct), x => x.ActivityId,
            x => new NeedActivity { NeedId = target.Id, ActivityId = x.ActivityId, Met = x.Met }, ct);
        await MoveAsync(db, db.NeedOfferings.Where(x => x.NeedId == duplicate.Id),
            await db.NeedOfferings.Where(x => x.NeedId == target.Id).Select(x => x.OfferingId).ToListAsync(ct), x => x.OfferingId,
            x => new NeedOffering { NeedId = target.Id, OfferingId = x.OfferingId, Met = x.Met }, ct);
        await MoveAsync(db, db.NeedAgreements.Where(x => x.NeedId == duplicate.Id),
            await db.NeedAgreements.Where(x => x.NeedId == target.Id).Select(x => x.AgreementId).ToListAsync(ct), x => x.AgreementId,
            x => new NeedAgreement { NeedId = target.Id, AgreementId = x.AgreementId, Met = x.Met }, ct);
        await MoveAsync(db, db.NeedPlanActions.Where(x => x.NeedId == duplicate.Id),
            await db.NeedPlanActions.Where(x => x.NeedId == target.Id).Select(x => x.PlannedActionId).ToListAsync(ct), x => x.PlannedActionId,
            x => new NeedPlanAction { NeedId = target.Id, PlannedActionId = x.PlannedActionId, Met = x.Met }, ct);

        // One ballot's points for both needs are added together: the ballot still counts once.
        var targetPoints = await db.PriorityPoints.Where(x => x.NeedId == target.Id).ToDictionaryAsync(x => x.BallotId, ct);
        foreach (var p in await db.PriorityPoints.Where(x => x.NeedId == duplicate.Id).ToListAsync(ct))
        {
            db.PriorityPoints.Remove(p);
            if (targetPoints.TryGetValue(p.BallotId, out var existing)) existing.Points += p.Points;
            else db.PriorityPoints.Add(new PriorityPoints { BallotId = p.BallotId, NeedId = target.Id, Points = p.Points });
        }
        duplicate.MergedIntoId = target.Id;
    }

    /// <summary>Moves the duplicate's link rows to the target, dropping those the target already has.</summary>
    private static async Task MoveAsync<T, TKey>(AppDbContext db, IQueryable<T> ofDuplicate, List<TKey> onTarget, Func<T, TKey> key,
        Func<T, T> toTarget, CancellationToken ct) where T : class
    {
        foreach (var row in await ofDuplicate.ToListAsync(ct))
        {
            db.Remove(row);
            if (!onTarget.Contains(key(row))) db.Add(toTarget(row));
        }
    }
}
