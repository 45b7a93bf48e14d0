namespace Samverka.Web.Features.Directory;

public static class LibraryKinds
{
    public static readonly IReadOnlyDictionary<LibraryKind, string> Labels = new Dictionary<LibraryKind, string>
    {
        [LibraryKind.Folkbibliotek] = "Folkbibliotek",
        [LibraryKind.Filial] = "Filial",
        [LibraryKind.Skolbibliotek] = "Skolbibliotek",
        [LibraryKind.Sjukhusbibliotek] = "Sjukhusbibliotek",
        [LibraryKind.Hogskolebibliotek] = "Högskolebibliotek",
        [LibraryKind.Regionbibliotek] = "Regionbibliotek",
        [LibraryKind.Specialbibliotek] = "Övrigt/specialbibliotek",
    };

    public static string Label(this LibraryKind kind) => Labels[kind];

    /// <summary>Parses a kind as a person writes it in a CSV file: Swedish label, any case, with or without å/ä/ö.</summary>
    public static bool TryParse(string? text, out LibraryKind kind)
    {
        var t = Fold(text);
        foreach (var (k, label) in Labels)
        {
            if (Fold(label) == t || Fold(k.ToString()) == t) { kind = k; return true; }
        }
        kind = default;
        return false;
    }

    private static string Fold(string? s) =>
        (s ?? "").Trim().ToLowerInvariant().Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o');
}
