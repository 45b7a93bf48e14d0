using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.SelfAssessment;

public enum GroupLevel { Nation, Region, Municipality, Library, JobTitle, Years }

/// <summary>A figure for an area ("A3") or a competence ("3.3"). Null where suppressed.</summary>
/// <param name="Distribution">Share of answers (per cent, 0–100) on each scale point 1–7.</param>
public sealed record Figure(double? Mean, IReadOnlyList<double>? Distribution);

/// <summary>
/// One group's row: n, means and distributions only where suppression lets them through. A suppressed
/// group carries no count at all (null), so no page, export or API response can show it: its exact n,
/// subtracted from a shown total, would reveal who answered.
/// </summary>
public sealed record GroupRow(string Key, GroupLevel Level, string Label, string? ParentKey, string? CountyCode,
    string? MunicipalityCode, int? LibraryId, string? Breakdown, int? Respondents, bool MeanShown, bool DistributionShown,
    IReadOnlyDictionary<string, Figure> Figures)
{
    public Figure Area(int number) => Figures[$"A{number}"];
    public bool Suppressed => !MeanShown;
}

/// <summary>
/// Aggregates of every response to rounds that opened in a year, computed by PostgreSQL (GROUP BY
/// GROUPING SETS over all levels at once), then suppressed over the whole nation (see
/// <see cref="Suppression"/>) and only then limited to what the user may see.
/// </summary>
public static class Aggregates
{
    public const string NoLibrary = "Utan angivet bibliotek";

    private sealed record CountRow(string? C, string? M, int? L, string? T, string? Y, int N, int[] Sums, int[] Counts);
    private sealed record ScoreRow(string K, short S, int N);

    private static readonly string Columns = string.Join(", ", Enumerable.Range(1, 21).Select(i => $"x.competence_sums[{i}] AS s{i}, x.competence_counts[{i}] AS q{i}"));
    private static readonly string SumList = string.Join(", ", Enumerable.Range(1, 21).Select(i => $"sum(s{i})"));
    private static readonly string CountList = string.Join(", ", Enumerable.Range(1, 21).Select(i => $"sum(q{i})"));

    /// <summary>
    /// One pass over the year's running totals (table sa_totals, kept by a trigger on every response:
    /// one row per round and finest group: 8 700 rows for the benchmark's 100 000 responses), then
    /// every grouping set over those rows. The per-competence sums make a mean exact without reading
    /// the 24 score rows of each response.
    /// </summary>
    private static readonly string Sql = $$"""
        WITH f AS (
            SELECT ro.county_code AS c, x.municipality_code AS m, x.library_key AS l, x.job_title AS t, x.years_band AS y,
                   x.n, {{Columns}}
            FROM sa_totals x JOIN sa_rounds ro ON ro.id = x.round_id
            WHERE ro.opens_on >= {0} AND ro.opens_on < {1})
        -- The empty grouping set yields a row of NULLs for a year without responses: HAVING drops it.
        SELECT c AS "C", m AS "M", l AS "L", t AS "T", y AS "Y", sum(n)::int AS "N",
               ARRAY[{{SumList}}]::int[] AS "Sums", ARRAY[{{CountList}}]::int[] AS "Counts"
        FROM f GROUP BY GROUPING SETS ((), (c), (c, m), (c, m, l), (t), (c, t), (c, m, t), (y), (c, y), (c, m, y))
        HAVING count(*) > 0
        """;

    /// <summary>A year's groups as computed, with the sums each was computed from (for a distribution asked later).</summary>
    private sealed record Computed(string Fingerprint, DateTimeOffset Made, List<GroupRow> Rows, Dictionary<string, CountRow> Counts);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Year, int Mean, int Distribution), Computed> Cache = new();

    /// <summary>How long a year's computed groups are reused while the responses stay the same (their labels: names of places may change).</summary>
    private static readonly TimeSpan Reuse = TimeSpan.FromMinutes(5);

    /// <summary>
    /// What the year's aggregate is computed from, in one cheap read of the running totals: every response added,
    /// changed or removed rewrites a row of sa_totals (the trigger), which gives the row a new transaction id (xmin),
    /// and a round moved into or out of the year changes the rows read. Works across instances: it is the database's state.
    /// </summary>
    private const string FingerprintSql = """
        SELECT count(*)::text || ':' || coalesce(sum(x.n), 0)::text || ':' || coalesce(sum(x.xmin::text::bigint), 0)::text || ':' || coalesce(sum(x.round_id), 0)::text AS "Value"
        FROM sa_totals x JOIN sa_rounds ro ON ro.id = x.round_id
        WHERE ro.opens_on >= {0} AND ro.opens_on < {1}
        """;

    /// <param name="distributionFor">The key of the one group whose distributions are wanted (they need the score rows).</param>
    /// <remarks>
    /// The groups of a year are the same for every viewer (suppression is national), so they are computed once and
    /// reused until the responses change (<see cref="FingerprintSql"/>) or for at most <see cref="Reuse"/>; only the
    /// one group's distribution is read per request.
    /// </remarks>
    public static async Task<List<GroupRow>> ForYearAsync(AppDbContext db, int year, SelfAssessmentOptions options,
        string? distributionFor = null, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var fingerprint = await db.Database.SqlQueryRaw<string>(FingerprintSql, from, to).SingleAsync(ct);
        var key = (year, options.MinGroupForMean, options.MinGroupForDistribution);
        var now = DateTimeOffset.UtcNow;
        if (!Cache.TryGetValue(key, out var computed) || computed.Fingerprint != fingerprint || now - computed.Made > Reuse)
        {
            computed = await ComputeAsync(db, from, to, options, fingerprint, ct);
            if (Cache.Count >= 8) Cache.Clear(); // a handful of years and settings at most
            Cache[key] = computed;
        }
        // A copy: callers filter and sort the list they get, the cached one stays as it is.
        if (distributionFor is null || !computed.Counts.TryGetValue(distributionFor, out var group)) return [.. computed.Rows];
        var rows = new List<GroupRow>(computed.Rows);
        var i = rows.FindIndex(r => r.Key == distributionFor);
        if (!rows[i].DistributionShown) return rows;
        rows[i] = rows[i] with { Figures = Figures(group, await ScoresAsync(db, from, to, group, ct)) };
        return rows;
    }

    private static async Task<Computed> ComputeAsync(AppDbContext db, DateOnly from, DateOnly to, SelfAssessmentOptions options,
        string fingerprint, CancellationToken ct)
    {
        var counts = await db.Database.SqlQueryRaw<CountRow>(Sql, from, to).ToListAsync(ct);
        var byKey = counts.ToDictionary(c => Key(c.C, c.M, c.L, c.T, c.Y));
        var n = byKey.ToDictionary(c => c.Key, c => c.Value.N);
        if (n.GetValueOrDefault("N") == 0) return new(fingerprint, DateTimeOffset.UtcNow, [], []);
        var sums = Sums(n.Keys);
        var meanHidden = Suppression.Hidden(n, sums, options.MinGroupForMean);
        var distributionHidden = Suppression.Hidden(n, sums, options.MinGroupForDistribution, meanHidden);

        var names = await NamesAsync(db, counts, ct);
        var rows = new List<GroupRow>();
        foreach (var (key, c) in byKey)
        {
            var meanShown = !meanHidden.Contains(key);
            var distShown = meanShown && !distributionHidden.Contains(key);
            var figures = meanShown ? Figures(c, null) : HiddenFigures;
            var (level, label, parent) = Describe(c, names);
            rows.Add(new GroupRow(key, level, label, parent, c.C, c.M, c.L, c.T ?? c.Y, meanShown ? c.N : null, meanShown, distShown, figures));
        }
        return new(fingerprint, DateTimeOffset.UtcNow,
            [.. rows.OrderBy(r => Order(r.Level)).ThenBy(r => r.CountyCode).ThenBy(r => r.Label, SwedishText.Order)], byKey);
    }

    /// <summary>Answers per competence and scale point for one group: the score rows of its responses only.</summary>
    private static async Task<List<ScoreRow>> ScoresAsync(AppDbContext db, DateOnly from, DateOnly to, CountRow g, CancellationToken ct)
    {
        var q = db.AssessmentScores.AsNoTracking().Where(s => s.Response!.Round!.OpensOn >= from && s.Response.Round.OpensOn < to);
        if (g.C is { } c) q = q.Where(s => s.Response!.Round!.CountyCode == c);
        if (g.M is { } m) q = q.Where(s => s.Response!.MunicipalityCode == m);
        if (g.L is int l) q = l == 0 ? q.Where(s => s.Response!.LibraryId == null) : q.Where(s => s.Response!.LibraryId == l);
        if (g.T is { } t) q = q.Where(s => s.Response!.JobTitle == t);
        if (g.Y is { } y) q = q.Where(s => s.Response!.YearsBand == y);
        var rows = await q.GroupBy(s => new { s.Item!.CompetenceCode, s.Score }).Select(x => new { x.Key.CompetenceCode, x.Key.Score, N = x.Count() }).ToListAsync(ct);
        return rows.Select(r => new ScoreRow(r.CompetenceCode, r.Score, r.N)).ToList();
    }

    /// <summary>The groups the user may see: everything for administrators and the national coordinator, the own region for a coordinator, the own municipality for a manager.</summary>
    public static List<GroupRow> Visible(IEnumerable<GroupRow> rows, UserScope s) => rows.Where(r =>
        s.ReadsEverything
        || (r.CountyCode is { } c && s.Counties.Contains(c))
        || (r.MunicipalityCode is { } m && s.Municipalities.Contains(m))).ToList();

    public static bool MaySeeResults(UserScope s) => s.ReadsEverything || s.Counties.Count > 0 || s.Municipalities.Count > 0;

    private static readonly IReadOnlyDictionary<string, Figure> HiddenFigures =
        DigComp.Areas.Select(a => $"A{a.Number}").Concat(DigComp.Competences.Select(c => c.Code)).ToDictionary(k => k, _ => new Figure(null, null));

    private static Dictionary<string, Figure> Figures(CountRow c, List<ScoreRow>? scores)
    {
        var result = new Dictionary<string, Figure>();
        var indexes = DigComp.Competences.Select((x, i) => (x, i)).ToList();
        foreach (var a in DigComp.Areas)
        {
            var inArea = indexes.Where(x => x.x.Area == a.Number).ToList();
            result[$"A{a.Number}"] = new Figure(Mean(inArea.Sum(x => c.Sums[x.i]), inArea.Sum(x => c.Counts[x.i])),
                Distribution(scores?.Where(s => s.K[0] - '0' == a.Number)));
        }
        foreach (var (x, i) in indexes)
            result[x.Code] = new Figure(Mean(c.Sums[i], c.Counts[i]), Distribution(scores?.Where(s => s.K == x.Code)));
        return result;
    }

    private static double? Mean(long sum, long count) => count == 0 ? null : Math.Round(sum / (double)count, 2);

    private static IReadOnlyList<double>? Distribution(IEnumerable<ScoreRow>? rows)
    {
        if (rows is null) return null;
        var perPoint = new long[8];
        foreach (var r in rows) perPoint[r.S] += r.N;
        var total = perPoint.Sum();
        return total == 0 ? null : Enumerable.Range(1, 7).Select(p => Math.Round(100.0 * perPoint[p] / total, 1)).ToList();
    }

    public static string Key(string? c, string? m, int? l, string? t, string? y)
    {
        var geo = c is null ? "N" : m is null ? $"C:{c}" : l is null ? $"M:{m}" : $"L:{m}:{l}";
        return t is not null ? $"{geo}|T:{t}" : y is not null ? $"{geo}|Y:{y}" : geo;
    }

    /// <summary>
    /// Every published sum among the groups that have responses: for each group, its geographic parts (N → C:x → M:x →
    /// L:m:x), its split by job title and by years in the profession, and each job title (years band) split
    /// geographically (N|T:x → C:c|T:x → M:m|T:x). One pass files every key under its parents; the sums come out in
    /// the keys' order (geographic keys first, then the split ones), each sum's parts in the keys' order too.
    /// </summary>
    internal static List<GroupSum> Sums(IEnumerable<string> keys)
    {
        var all = keys.ToList();
        var parts = new Dictionary<(string Parent, char Kind), List<string>>();
        void Part(string parent, char kind, string key)
        {
            if (!parts.TryGetValue((parent, kind), out var list)) parts[(parent, kind)] = list = [];
            list.Add(key);
        }
        foreach (var k in all)
        {
            var bar = k.IndexOf('|');
            var g = bar < 0 ? k : k[..bar];
            if (bar >= 0) Part(g, k[bar + 1], k); // 'T' or 'Y': the group split by job title or years band
            var band = bar < 0 ? "" : k[bar..];
            // Municipality codes begin with their county's code (SCB): "1280" is in county "12".
            if (g.StartsWith("C:", StringComparison.Ordinal)) Part("N" + band, Geographic, k);
            else if (g.StartsWith("M:", StringComparison.Ordinal)) Part($"C:{g[2..4]}{band}", Geographic, k);
            else if (g.StartsWith("L:", StringComparison.Ordinal) && bar < 0) Part($"M:{g[2..g.IndexOf(':', 2)]}", Geographic, k);
        }
        var sums = new List<GroupSum>();
        void Add(string parent, char kind)
        {
            if (parts.TryGetValue((parent, kind), out var children)) sums.Add(new GroupSum(parent, children));
        }
        foreach (var g in all.Where(k => !k.Contains('|')))
        {
            Add(g, Geographic);
            Add(g, 'T');
            Add(g, 'Y');
        }
        foreach (var k in all.Where(k => k.Contains('|'))) Add(k, Geographic);
        return sums;
    }

    private const char Geographic = 'G';


    private sealed record Names(Dictionary<string, string> Counties, Dictionary<string, string> Municipalities, Dictionary<int, string> Libraries);

    private static async Task<Names> NamesAsync(AppDbContext db, List<CountRow> counts, CancellationToken ct)
    {
        var m = counts.Where(c => c.M is not null).Select(c => c.M!).Distinct().ToList();
        var l = counts.Where(c => c.L is > 0).Select(c => c.L!.Value).Distinct().ToList();
        return new Names(
            await db.Counties.AsNoTracking().ToDictionaryAsync(x => x.Code, x => x.Name, ct),
            await db.Municipalities.AsNoTracking().Where(x => m.Contains(x.Code)).ToDictionaryAsync(x => x.Code, x => x.Name, ct),
            await db.Libraries.AsNoTracking().Where(x => l.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct));
    }

    private static (GroupLevel, string, string?) Describe(CountRow c, Names names)
    {
        var place = c.C is null ? "Hela landet" : c.M is null ? names.Counties.GetValueOrDefault(c.C, c.C)
            : c.L is null ? names.Municipalities.GetValueOrDefault(c.M, c.M)
            : c.L == 0 ? $"{names.Municipalities.GetValueOrDefault(c.M, c.M)}: {NoLibrary.ToLowerInvariant()}" : names.Libraries.GetValueOrDefault(c.L.Value, $"Bibliotek {c.L}");
        var geoKey = Key(c.C, c.M, c.L, null, null);
        if (c.T is not null) return (GroupLevel.JobTitle, $"{place}: {Background.Label(Background.JobTitles, c.T)}", geoKey);
        if (c.Y is not null) return (GroupLevel.Years, $"{place}: {Background.Label(Background.YearsBands, c.Y)} i yrket", geoKey);
        var level = c.C is null ? GroupLevel.Nation : c.M is null ? GroupLevel.Region : c.L is null ? GroupLevel.Municipality : GroupLevel.Library;
        var parent = level switch
        {
            GroupLevel.Region => "N",
            GroupLevel.Municipality => Key(c.C, null, null, null, null),
            GroupLevel.Library => Key(c.C, c.M, null, null, null),
            _ => null,
        };
        return (level, place, parent);
    }

    private static int Order(GroupLevel l) => (int)l;
}
