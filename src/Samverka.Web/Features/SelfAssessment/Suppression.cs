namespace Samverka.Web.Features.SelfAssessment;

/// <summary>A published sum: the parent group is exactly the union of its (disjoint) children.</summary>
public sealed record GroupSum(string Parent, IReadOnlyList<string> Children);

/// <summary>
/// Primary and complementary suppression over groups whose figures add up (library ⊂ municipality ⊂
/// region ⊂ nation, and job title or years band within each of these). Rules, applied until nothing
/// changes:
/// 1. Primary: a group with 0 &lt; n &lt; threshold is hidden.
/// 2. A hidden group hides all its children: otherwise its figures are the sum of theirs.
/// 3. Under a shown group, the hidden children must be either none, or at least two whose combined n
///    is at least the threshold: otherwise "parent minus the shown children" gives one hidden group
///    or a combination smaller than the threshold. While that fails, the shown child with the smallest
///    n is hidden too; only when no shown child is left is the parent hidden.
/// The shown figures then let a reader derive nothing but sums of at least two hidden groups with at
/// least <c>threshold</c> responses together. Computed over the whole nation for a year, so every
/// viewer, page, export and API call hides the same groups.
/// </summary>
public static class Suppression
{
    /// <summary>
    /// A count of responses published on its own (a round's responses, a region's responses over a period):
    /// shown from the threshold up, and 0 (nobody answered reveals no one); 1 to threshold − 1 is null, and the
    /// reader sees <see cref="FewerThan"/>. Rule 1 above, for a figure that is not part of a table of groups.
    /// </summary>
    public static int? ShownCount(int n, int threshold) => n > 0 && n < threshold ? null : n;

    /// <summary>What a count below the threshold shows instead of its number.</summary>
    public static string FewerThan(int threshold) => $"färre än {threshold}";

    /// <summary>The configured thresholds, for code that has the database context but no options (the yearly report's figures).</summary>
    public static SelfAssessmentOptions Options(Microsoft.EntityFrameworkCore.DbContext db) =>
        (Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>(db)
            .FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider
            ?.GetService(typeof(Microsoft.Extensions.Options.IOptions<SelfAssessmentOptions>)) as Microsoft.Extensions.Options.IOptions<SelfAssessmentOptions>)?.Value
        ?? new SelfAssessmentOptions();

    /// <summary>How many of the smallest shown siblings are tried as the complement (see <see cref="Close"/>).</summary>
    private const int Candidates = 3;

    public static HashSet<string> Hidden(IReadOnlyDictionary<string, int> counts, IReadOnlyList<GroupSum> sums, int threshold,
        IEnumerable<string>? alreadyHidden = null)
    {
        var hidden = counts.Where(c => c.Value > 0 && c.Value < threshold).Select(c => c.Key).ToHashSet();
        if (alreadyHidden is not null) hidden.UnionWith(alreadyHidden);
        var live = sums.Select(s => new GroupSum(s.Parent, s.Children.Where(c => counts.GetValueOrDefault(c) > 0).ToList())).ToList();
        Close(hidden, counts, live, threshold, trial: false);
        return hidden;
    }

    /// <summary>
    /// Applies rules 2 and 3 until nothing changes. Where a complement is needed, the smallest few shown
    /// siblings are each tried (a trial run of the same rules) and the one that hides the fewest further
    /// groups wins: a sibling that is the only part of some other group would drag that group along.
    /// </summary>
    private static void Close(HashSet<string> hidden, IReadOnlyDictionary<string, int> counts, List<GroupSum> sums, int threshold, bool trial)
    {
        int N(string key) => counts.GetValueOrDefault(key);
        bool changed;
        do
        {
            changed = false;
            foreach (var sum in sums)
            {
                if (hidden.Contains(sum.Parent))
                {
                    foreach (var c in sum.Children) changed |= hidden.Add(c);
                    continue;
                }
                var hiddenChildren = sum.Children.Where(hidden.Contains).ToList();
                if (hiddenChildren.Count == 0) continue;
                if (hiddenChildren.Count >= 2 && hiddenChildren.Sum(N) >= threshold) continue;
                var candidates = sum.Children.Where(c => !hidden.Contains(c)).OrderBy(N).ThenBy(c => c, StringComparer.Ordinal).Take(trial ? 1 : Candidates).ToList();
                if (candidates.Count == 0) hidden.Add(sum.Parent);
                else if (candidates.Count == 1) hidden.Add(candidates[0]);
                else hidden.Add(candidates.MinBy(c =>
                {
                    var attempt = new HashSet<string>(hidden) { c };
                    Close(attempt, counts, sums, threshold, trial: true);
                    return attempt.Count;
                })!);
                changed = true;
            }
        } while (changed);
    }
}
