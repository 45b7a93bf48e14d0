using System.Collections;
using System.Reflection;

namespace Samverka.Web.Infrastructure;

/// <summary>One bound text that breaks an <see cref="InputText"/> rule: the field as the form or JSON names it, and why.</summary>
public sealed record TextProblem(string Field, string Message)
{
    public bool IsControlCharacter => Message == InputText.ControlCharacterMessage;
}

/// <summary>
/// Walks what model binding produced for a page or an endpoint: strings, lists and dictionaries of them, and
/// Samverka's own form and input classes (their settable properties, nested to any depth). Every string found is
/// checked with <see cref="InputText.Problem"/>; a property marked <see cref="NotFreeTextAttribute"/> may hold a
/// personnummer-like run of digits. Services and framework types (HttpContext, IFormFile, …) are not walked.
/// </summary>
public static class BoundTextInspector
{
    private const int MaxDepth = 8;
    private static readonly Assembly Own = typeof(BoundTextInspector).Assembly;

    /// <param name="jsonNames">API: camelCase each segment, as the JSON body names the field.</param>
    public static List<TextProblem> Inspect(IEnumerable<(string Path, object? Value, ICustomAttributeProvider? Member)> roots, bool jsonNames = false)
    {
        var problems = new List<TextProblem>();
        foreach (var (path, value, member) in roots)
            Walk(value, jsonNames ? Camel(path) : path, Allows(member), jsonNames, problems, 0);
        return problems;
    }

    /// <summary>The types whose strings are walked: Samverka's own classes and records that are not services or entities' enums.</summary>
    public static bool IsModelType(Type t) => t.Assembly == Own && !t.IsEnum && !t.IsPrimitive && !typeof(Delegate).IsAssignableFrom(t);

    /// <summary>The properties walked on a model type: public, readable and settable (what binding fills), not indexers.</summary>
    public static IEnumerable<PropertyInfo> BoundMembers(Type t) =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);

    public static bool Allows(ICustomAttributeProvider? member) =>
        member?.IsDefined(typeof(NotFreeTextAttribute), inherit: true) == true;

    private static void Walk(object? value, string path, bool allowNumber, bool json, List<TextProblem> problems, int depth)
    {
        if (value is null || depth > MaxDepth) return;
        switch (value)
        {
            case string s:
                if (InputText.Problem(s, allowNumber) is { } message) problems.Add(new(path, message));
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry e in dictionary)
                {
                    var key = Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    if (InputText.HasControlCharacters(key)) problems.Add(new($"{path}[…]", InputText.ControlCharacterMessage));
                    Walk(e.Value, $"{path}[{key}]", allowNumber, json, problems, depth + 1);
                }
                return;
            case IEnumerable list:
                var i = 0;
                foreach (var item in list) Walk(item, $"{path}[{i++}]", allowNumber, json, problems, depth + 1);
                return;
        }
        var type = value.GetType();
        if (!IsModelType(type)) return;
        foreach (var p in BoundMembers(type))
        {
            var name = json ? Camel(p.Name) : p.Name;
            Walk(p.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", allowNumber || Allows(p), json, problems, depth + 1);
        }
    }

    private static string Camel(string s) => s.Length == 0 || char.IsLower(s[0]) ? s : char.ToLowerInvariant(s[0]) + s[1..];
}
