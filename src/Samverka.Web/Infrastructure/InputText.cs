using System.Buffers;
using System.Text.RegularExpressions;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// The two rules every text that reaches Samverka obeys, whatever the form, endpoint or file:
/// no control characters (PostgreSQL refuses NUL; the rest garble pages, exports and logs) and
/// no personnummer (privacy: the platform must not collect them, not even by mistake).
/// Applied centrally: <see cref="InputTextMiddleware"/> (raw form, query and path), <see cref="BoundTextInspector"/>
/// (every bound string of a page or API endpoint) and the CSV import reader.
/// </summary>
public static partial class InputText
{
    public const string ControlCharacterMessage = "Texten innehåller otillåtna tecken (styrtecken). Ta bort dem och försök igen.";
    public const string PersonalIdentityNumberMessage = "Skriv inte personnummer i Samverka.";

    /// <summary>U+0000–U+001F and U+007F, except tab, line feed and carriage return (multi-line fields).</summary>
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\u007f']);

    public static bool HasControlCharacters(string? s) => s is not null && s.AsSpan().IndexOfAny(Forbidden) >= 0;

    /// <summary>
    /// True when the text holds something that looks like a Swedish personnummer or samordningsnummer:
    /// 10 or 12 digits in a row, optionally with - or + before the last four (800101-1234, 19800101-1234).
    /// Dates (2026-01-01) and short numbers do not match, nor does a value that is a GUID as a whole (an account
    /// id: about 1 GUID in 100 holds a run like "19121212-1212-…").
    /// </summary>
    public static bool ContainsPersonalIdentityNumber(string? s) =>
        !string.IsNullOrEmpty(s) && PersonalIdentityNumberRegex().IsMatch(s) && !Guid.TryParseExact(s, "D", out _);

    /// <summary>The message for a text that breaks a rule, or null when it is fine.</summary>
    public static string? Problem(string? s, bool personalNumberAllowed = false) =>
        HasControlCharacters(s) ? ControlCharacterMessage
        : !personalNumberAllowed && ContainsPersonalIdentityNumber(s) ? PersonalIdentityNumberMessage
        : null;

    [GeneratedRegex(@"(?<![0-9])(?:[0-9]{2})?[0-9]{6}[-+]?[0-9]{4}(?![0-9])")]
    private static partial Regex PersonalIdentityNumberRegex();
}

/// <summary>
/// On a bound string property that is not free text, so a personnummer-like run of digits is legitimate there
/// (a password, a one-time code, a random token). Control characters are still refused. The documented allow-list:
/// BoundTextTests lists every bound string and fails for one that is neither checked nor marked.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NotFreeTextAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
