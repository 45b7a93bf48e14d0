namespace Samverka.Web.Assessment;

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
    public static HashSet<string> Hidden(IReadOnlyDictionary<string, int> counts, IReadOnlyList<GroupSum> sums, int threshold,
        IEnumerable<string>? alreadyHidden = null)
    {
        int N(string key) => counts.GetValueOrDefault(key);
        var hidden = counts.Where(c => c.Value > 0 && c.Value < threshold).Select(c => c.Key).ToHashSet();
        if (alreadyHidden is not null) hidden.UnionWith(alreadyHidden);
        bool changed;
        do
        {
            changed = false;
            foreach (var sum in sums)
            {
                var children = sum.Children.Where(c => N(c) > 0).ToList();
                if (hidden.Contains(sum.Parent))
                {
                    foreach (var c in children) changed |= hidden.Add(c);
                    continue;
                }
                var hiddenChildren = children.Where(hidden.Contains).ToList();
                if (hiddenChildren.Count == 0) continue;
                if (hiddenChildren.Count >= 2 && hiddenChildren.Sum(N) >= threshold) continue;
                var next = children.Where(c => !hidden.Contains(c)).OrderBy(N).ThenBy(c => c, StringComparer.Ordinal).FirstOrDefault();
                hidden.Add(next ?? sum.Parent);
                changed = true;
            }
        } while (changed);
        return hidden;
    }
}
