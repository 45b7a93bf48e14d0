namespace Samverka.Web.Features.Agreements;

/// <summary>
/// The agreement's free texts as the seeds lay them out: paragraphs separated by blank lines, and lists
/// whose lines start with "- ". Read the same way by the page, the print view and the Word document.
/// </summary>
public static class AgreementText
{
    public sealed record Block(bool IsList, IReadOnlyList<string> Lines);

    public static IEnumerable<Block> Blocks(string? text)
    {
        foreach (var chunk in (text ?? "").Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var lines = chunk.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (lines.Length > 0 && lines.All(l => l.StartsWith("- ", StringComparison.Ordinal)))
                yield return new Block(true, lines.Select(l => l[2..].Trim()).ToList());
            else
                yield return new Block(false, [string.Join(' ', lines)]);
        }
    }

    /// <summary>"Parterna utgörs av A och B." (seed 000), or "A, B och C" for more parties.</summary>
    public static string PartiesSentence(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => $"Parten är {names[0]}.",
        _ => $"Parterna utgörs av {string.Join(", ", names.Take(names.Count - 1))} och {names[^1]}.",
    };

    public static string Years(int? from, int? to) => (from, to) switch
    {
        (int f, int t) => $"{f}–{t}",
        (int f, null) => $"från {f}",
        (null, int t) => $"till {t}",
        _ => "",
    };
}
