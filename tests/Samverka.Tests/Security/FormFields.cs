using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Samverka.Tests.Security;

/// <summary>The fields of a rendered form as a browser would post them, to replay a tab's form later.</summary>
internal static class FormFields
{
    public static Dictionary<string, string> Of(IDocument doc, string selector = "form.stacked")
    {
        var form = doc.QuerySelector(selector) as IHtmlFormElement ?? throw new InvalidOperationException($"No form {selector}");
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name]").OfType<IHtmlInputElement>())
            if (input.Type is not ("checkbox" or "radio") || input.IsChecked) fields[input.Name!] = input.Value;
        foreach (var select in form.QuerySelectorAll("select[name]").OfType<IHtmlSelectElement>())
            fields[select.Name!] = select.Value ?? "";
        foreach (var area in form.QuerySelectorAll("textarea[name]").OfType<IHtmlTextAreaElement>())
            fields[area.Name!] = area.Value;
        return fields;
    }

    public static FormUrlEncodedContent Content(Dictionary<string, string> fields) => new(fields);
}
