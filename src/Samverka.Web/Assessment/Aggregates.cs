using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Assessment;

public enum GroupLevel { Nation, Region, Municipality, Library, JobTitle, Years }

/// <summary>A figure for an area ("A3") or a competence ("3.3"). Null where suppressed.</summary>
/// <param name="Distribution">Share of answers (per cent, 0–100) on each scale point 1–7.</param>
public sealed record Figure(double? Mean, IReadOnlyList<double>? Distribution);

/// <summary>One group's row: n always; means and distributions only where suppression lets them through.</summary>
public sealed record GroupRow(string Key, GroupLevel Level, string Label, string? ParentKey, string? CountyCode,
    string? MunicipalityCode, int? LibraryId, string? Breakdown, int Respondents, bool MeanShown, bool DistributionShown,
    IReadOnlyDictionary<string, Figure> Figures)
{
    public Figure Area(int number) => Figures[$"A{number}"];
}

/// <summary>
/// Aggregates of every response to rounds that opened in a year, computed by PostgreSQL (GROUP BY
/// GROUPING SETS over all levels at once), then suppressed over the whole nation (see
/// <see cref="Suppression"/>) and only then limited to what the user may see.
/// </summary>
public static class Aggregates
{
    public const string NoLibrary = "Utan angivet bibliotek";

    private sealed record CountRow(string? C, string? M, int? L, string? T, string? Y, int N);
    private sealed record ScoreRow(string? C, string? M, int? L, string? T, string? Y, string K, short S, int N);

    private const string Base = """
        WITH r AS (
            SELECT r.id, ro.county_code AS c, r.municipality_code AS m, coalesce(r.library_id, 0) AS l, r.job_title AS t, r.years_band AS y
            FROM sa_responses r JOIN sa_rounds ro ON ro.id = r.round_id
            WHERE ro.opens_on >= {0} AND ro.opens_on < {1})
        """;
    private const string Sets = "(), (c), (c, m), (c, m, l), (t), (c, t), (c, m, t), (y), (c, y), (c, m, y)";

    public static async Task<List<GroupRow>> ForYearAsync(AppDbContext db, int year, SelfAssessmentOptions options, CancellationToken ct = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var counts = await db.Database.SqlQueryRaw<CountRow>(Base + $"""
            SELECT c AS "C", m AS "M", l AS "L", t AS "T", y AS "Y", count(*)::int AS "N"
            FROM r GROUP BY GROUPING SETS ({Sets})
            """, from, to).ToListAsync(ct);
        var setsWithScore = string.Join(", ", Sets.Split("), (").Select(s => s.Trim('(', ')')).Select(s => s.Length == 0 ? "(i.competence_code, s.score)" : $"({s}, i.competence_code, s.score)"));
        var scores = await db.Database.SqlQueryRaw<ScoreRow>(Base + $"""
            SELECT c AS "C", m AS "M", l AS "L", t AS "T", y AS "Y", i.competence_code AS "K", s.score AS "S", count(*)::int AS "N"
            FROM r JOIN sa_scores s ON s.response_id = r.id JOIN sa_items i ON i.id = s.item_id
            GROUP BY GROUPING SETS ({setsWithScore})
            """, from, to).ToListAsync(ct);

        var n = counts.ToDictionary(c => Key(c.C, c.M, c.L, c.T, c.Y), c => c.N);
        if (n.GetValueOrDefault("N") == 0) return [];
        var sums = Sums(n.Keys);
        var meanHidden = Suppression.Hidden(n, sums, options.MinGroupForMean);
        var distributionHidden = Suppression.Hidden(n, sums, options.MinGroupForDistribution, meanHidden);

        var answers = scores.GroupBy(s => Key(s.C, s.M, s.L, s.T, s.Y)).ToDictionary(g => g.Key, g => g.ToList());
        var names = await NamesAsync(db, counts, ct);
        var rows = new List<GroupRow>();
        foreach (var c in counts)
        {
            var key = Key(c.C, c.M, c.L, c.T, c.Y);
            var meanShown = !meanHidden.Contains(key);
            var distShown = !distributionHidden.Contains(key);
            var figures = meanShown ? Figures(answers.GetValueOrDefault(key) ?? [], distShown) : HiddenFigures;
            var (level, label, parent) = Describe(c, names);
            rows.Add(new GroupRow(key, level, label, parent, c.C, c.M, c.L, c.T ?? c.Y, c.N, meanShown, meanShown && distShown, figures));
        }
        return [.. rows.OrderBy(r => Order(r.Level)).ThenBy(r => r.CountyCode).ThenBy(r => r.Label, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), false))];
    }

    /// <summary>The groups the user may see: everything for administrators and the national coordinator, the own region for a coordinator, the own municipality for a manager.</summary>
    public static List<GroupRow> Visible(IEnumerable<GroupRow> rows, UserScope s) => rows.Where(r =>
        s.ReadsEverything
        || (r.CountyCode is { } c && s.Counties.Contains(c))
        || (r.MunicipalityCode is { } m && s.Municipalities.Contains(m))).ToList();

    public static bool MaySeeResults(UserScope s) => s.ReadsEverything || s.Counties.Count > 0 || s.Municipalities.Count > 0;

    private static readonly IReadOnlyDictionary<string, Figure> HiddenFigures =
        DigComp.Areas.Select(a => $"A{a.Number}").Concat(DigComp.Competences.Select(c => c.Code)).ToDictionary(k => k, _ => new Figure(null, null));

    private static Dictionary<string, Figure> Figures(List<ScoreRow> rows, bool withDistribution)
    {
        var result = new Dictionary<string, Figure>();
        foreach (var a in DigComp.Areas) result[$"A{a.Number}"] = Figure(rows.Where(r => r.K[0] - '0' == a.Number), withDistribution);
        foreach (var c in DigComp.Competences) result[c.Code] = Figure(rows.Where(r => r.K == c.Code), withDistribution);
        return result;
    }

    private static Figure Figure(IEnumerable<ScoreRow> rows, bool withDistribution)
    {
        var perPoint = new long[8];
        foreach (var r in rows) perPoint[r.S] += r.N;
        var total = perPoint.Sum();
        if (total == 0) return new Figure(null, null);
        var mean = Enumerable.Range(1, 7).Sum(p => p * perPoint[p]) / (double)total;
        return new Figure(Math.Round(mean, 2), withDistribution ? Enumerable.Range(1, 7).Select(p => Math.Round(100.0 * perPoint[p] / total, 1)).ToList() : null);
    }

    public static string Key(string? c, string? m, int? l, string? t, string? y)
    {
        var geo = c is null ? "N" : m is null ? $"C:{c}" : l is null ? $"M:{m}" : $"L:{m}:{l}";
        return t is not null ? $"{geo}|T:{t}" : y is not null ? $"{geo}|Y:{y}" : geo;
    }

    /// <summary>Every published sum among the groups that have responses.</summary>
    internal static List<GroupSum> Sums(IEnumerable<string> keys)
    {
        var all = keys.ToList();
        var sums = new List<GroupSum>();
        void Add(string parent, Func<string, bool> isChild)
        {
            var children = all.Where(isChild).ToList();
            if (children.Count > 0) sums.Add(new GroupSum(parent, children));
        }
        var geo = all.Where(k => !k.Contains('|')).ToList();
        foreach (var g in geo)
        {
            // Geographic children: N → C:x → M:x → L:m:x.
            if (g == "N") Add(g, k => k.StartsWith("C:", StringComparison.Ordinal) && !k.Contains('|'));
            else if (g.StartsWith("C:", StringComparison.Ordinal)) Add(g, k => !k.Contains('|') && k.StartsWith("M:", StringComparison.Ordinal) && Geo(k).County == g[2..]);
            else if (g.StartsWith("M:", StringComparison.Ordinal)) Add(g, k => !k.Contains('|') && k.StartsWith($"L:{g[2..]}:", StringComparison.Ordinal));
            // The group split by job title, and by years in the profession.
            Add(g, k => k.StartsWith(g + "|T:", StringComparison.Ordinal));
            Add(g, k => k.StartsWith(g + "|Y:", StringComparison.Ordinal));
        }
        // Each job title (years band) split geographically: N|T:x → C:c|T:x → M:m|T:x.
        foreach (var k in all.Where(k => k.Contains('|')))
        {
            var (g, b) = (k.Split('|')[0], k.Split('|')[1]);
            if (g == "N") Add(k, x => x.EndsWith("|" + b, StringComparison.Ordinal) && x.StartsWith("C:", StringComparison.Ordinal));
            else if (g.StartsWith("C:", StringComparison.Ordinal))
                Add(k, x => x.EndsWith("|" + b, StringComparison.Ordinal) && x.StartsWith("M:", StringComparison.Ordinal) && Geo(x.Split('|')[0]).County == g[2..]);
        }
        return sums;
    }

    // Municipality codes begin with their county's code (SCB): "1280" is in county "12".
    private static (string County, string Code) Geo(string key) => (key[2..4], key[2..]);

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
