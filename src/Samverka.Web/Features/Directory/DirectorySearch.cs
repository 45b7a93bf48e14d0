using System.Text;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Directory;

/// <summary>
/// Name search shared by the pages and the API: PostgreSQL Swedish full-text search with prefix
/// matching ("malm" finds Malmö), or a case-insensitive substring match for parts of words.
/// </summary>
public static class DirectorySearch
{
    /// <summary>Builds "word:* &amp; word:*" from what a person typed; null when nothing searchable remains.</summary>
    public static string? PrefixQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray()))
            .Where(w => w.Length > 0)
            .Select(w => w.ToLowerInvariant() + ":*");
        var q = string.Join(" & ", words);
        return q.Length == 0 ? null : q;
    }

    /// <summary>Escapes LIKE wildcards so a typed % or _ is matched literally.</summary>
    public static string LikePattern(string text)
    {
        var sb = new StringBuilder("%");
        foreach (var c in text.Trim())
        {
            if (c is '%' or '_' or '\\') sb.Append('\\');
            sb.Append(c);
        }
        return sb.Append('%').ToString();
    }

    // Punctuation alone leaves no words for full-text search; then only the literal match applies.

    public static IQueryable<Municipality> Municipalities(IQueryable<Municipality> source, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return source;
        var like = LikePattern(text);
        var q = PrefixQuery(text);
        return q is null
            ? source.Where(m => EF.Functions.ILike(m.Name, like))
            : source.Where(m => m.SearchVector.Matches(EF.Functions.ToTsQuery("swedish", q)) || EF.Functions.ILike(m.Name, like));
    }

    /// <summary>By name, or by sigel (the whole sigel, any case: "ma" finds the library with sigel Ma).</summary>
    public static IQueryable<Library> Libraries(IQueryable<Library> source, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return source;
        var like = LikePattern(text);
        var q = PrefixQuery(text);
        var sigel = text.Trim().ToLower();
        return q is null
            ? source.Where(l => EF.Functions.ILike(l.Name, like) || l.Sigel!.ToLower() == sigel)
            : source.Where(l => l.SearchVector.Matches(EF.Functions.ToTsQuery("swedish", q)) || EF.Functions.ILike(l.Name, like) || l.Sigel!.ToLower() == sigel);
    }

    public static IQueryable<Person> People(IQueryable<Person> source, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return source;
        var like = LikePattern(text);
        var q = PrefixQuery(text);
        return q is null
            ? source.Where(p => EF.Functions.ILike(p.Name, like) || EF.Functions.ILike(p.Email, like))
            : source.Where(p => p.SearchVector.Matches(EF.Functions.ToTsQuery("swedish", q))
                || EF.Functions.ILike(p.Name, like) || EF.Functions.ILike(p.Email, like));
    }
}
