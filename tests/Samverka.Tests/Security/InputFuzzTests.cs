using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Registry;
using Samverka.Tests.Support;
using Samverka.Web.Infrastructure;
using Xunit.Abstractions;

namespace Samverka.Tests.Security;

/// <summary>
/// Item 5: every write endpoint of the OpenAPI document and every form of the page registry, posted hostile input
/// (malformed JSON, wrong types, 1 MB strings, negative and overflowing numbers, unknown fields, NUL, injection
/// strings, personnummer) as an administrator, answers 4xx with a Swedish message, never 5xx, and writes nothing.
/// Values are sampled per field kind, not combined.
/// </summary>
[Collection(AppCollection.Name)]
public class InputFuzzTests(SamverkaFactory app, ITestOutputHelper output)
{
    private const string Pnr = "19121212-1212";
    private const string Injection = "'; DROP TABLE libraries; -- <script>alert(1)</script> ";
    private static readonly string Mega = new('a', 1024 * 1024);

    private readonly Dictionary<int, int> _statuses = [];
    private readonly List<string> _failures = [];
    private int _requests;

    [Fact]
    public async Task EveryWriteEndpointAndForm_HostileInput_Answers4xxAndWritesNothing()
    {
        var client = await app.SignedInAs(Roles.Admin);
        // Resolving sample URLs may create test data (self-assessment rounds): before the snapshot.
        var forms = new List<string>();
        foreach (var entry in PageRegistry.Entries.Where(e => e.Kind == EntryKind.Html && e.Method == "POST" && e.Role is not null))
            forms.Add(await PageRegistry.ResolveAsync(entry.SampleUrl, app));
        var before = await RowCountsAsync();

        var doc = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        foreach (var (path, item) in doc["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is not ("post" or "put" or "patch" or "delete")) continue;
                var url = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", "1");
                foreach (var bad in new[] { "-1", "99999999999999999999", "abc", "a%01b", "1%27%3B%20DROP%20TABLE%20libraries" })
                    await SendAsync(client, new HttpMethod(method.ToUpperInvariant()), System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", bad), null);
                if (method == "delete") continue; // a valid id with any body would delete: the route is what is fuzzed
                foreach (var body in Bodies(doc, operation!))
                    await SendAsync(client, new HttpMethod(method.ToUpperInvariant()), url, body);
            }

        foreach (var form in forms) await FuzzFormAsync(client, form);

        output.WriteLine($"{_requests} requests; statuses: {string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(_failures.Count == 0, string.Join("\n", _failures.Take(40)));
        var after = await RowCountsAsync();
        var changed = after.Where(t => before.GetValueOrDefault(t.Key) != t.Value).Select(t => $"{t.Key}: {before.GetValueOrDefault(t.Key)} → {t.Value}").ToList();
        Assert.True(changed.Count == 0, "Rows changed: " + string.Join(", ", changed));
    }

    /// <summary>Hostile bodies built from the operation's request schema (its property names and types).</summary>
    private static IEnumerable<string> Bodies(JsonNode doc, JsonNode operation)
    {
        var schema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
        if (schema?["$ref"]?.GetValue<string>() is { } reference)
            schema = doc["components"]!["schemas"]![reference.Split('/')[^1]];
        var properties = schema?["properties"]?.AsObject().Select(p => (p.Key, Type: p.Value?["type"]?.ToJsonString() ?? "")).ToList() ?? [];
        string All(Func<string, string, JsonNode?> value)
        {
            var o = new JsonObject();
            foreach (var (name, type) in properties) o[name] = value(name, type);
            return o.ToJsonString();
        }
        bool IsText(string type) => type.Contains("string");
        yield return "{\"name\": ";                                     // malformed
        yield return "[1, 2, 3]";                                       // wrong type of document
        yield return "\"text\"";
        yield return All((_, t) => IsText(t) ? JsonValue.Create(12) : JsonValue.Create("tolv")); // wrong types
        yield return All((_, t) => IsText(t) ? JsonValue.Create(Mega) : JsonValue.Create(-1));   // 1 MB strings, negative numbers
        yield return All((_, t) => IsText(t) ? JsonValue.Create("a\u0000b") : JsonNode.Parse("99999999999999999999")); // NUL, overflow
        yield return All((_, t) => IsText(t) ? JsonValue.Create(Injection + Pnr) : JsonValue.Create(0)); // injection + personnummer
        var unknown = JsonNode.Parse(All((_, t) => IsText(t) ? JsonValue.Create(Pnr) : null))!.AsObject();
        unknown["unknownField"] = "x";
        unknown["id"] = 1;
        yield return unknown.ToJsonString();                            // unknown fields + personnummer
    }

    private async Task FuzzFormAsync(HttpClient client, string url)
    {
        var pageUrl = System.Text.RegularExpressions.Regex.Replace(url, @"[?&]handler=[^&]*", "");
        var page = await client.GetAsync(pageUrl);
        if (!page.IsSuccessStatusCode) { _failures.Add($"GET {pageUrl}: {(int)page.StatusCode}"); return; }
        var document = await page.ToDocumentAsync();
        var form = document.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(f => f.QuerySelectorAll("input:not([type=hidden]),textarea").Length).FirstOrDefault();
        // Post where the form posts (a page may hold several forms); a form without free text gets only the
        // control-character samples, which are refused before binding: a valid submission of it would write.
        if (form?.GetAttribute("action") is { Length: > 0 } action && action.StartsWith('/')) url = action;
        var freeText = form?.QuerySelectorAll("textarea, input[type=text], input:not([type])").Length > 0;
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var fields = new List<(string Name, bool Number)>();
        foreach (var e in form?.QuerySelectorAll("input[name],textarea[name],select[name]") ?? Enumerable.Empty<AngleSharp.Dom.IElement>())
        {
            var name = e.GetAttribute("name")!;
            if (name == "__RequestVerificationToken" || e.GetAttribute("type") is "file" or "checkbox" or "radio" or "submit") continue;
            fields.Add((name, e.GetAttribute("type") == "number" || e.GetAttribute("inputmode") == "numeric"));
        }
        if (fields.Count == 0) fields.Add(("Extra", false));
        var samples = new (Func<bool, string> Value, string Label)[]
        {
            (n => "a\u0000b", "NUL"), (n => "a\u0001b", "control"), (n => n ? "-1" : Injection + Pnr, "injection+pnr"),
            (n => n ? "99999999999999999999" : Pnr, "overflow+pnr"), (n => n ? "abc" : Mega + " " + Pnr, "1MB+pnr"),
        };
        foreach (var (value, label) in samples.Where(s => freeText || !s.Label.Contains("pnr", StringComparison.Ordinal)))
        {
            var values = fields.Select(f => new KeyValuePair<string, string>(f.Name, value(f.Number)))
                .Append(new("__RequestVerificationToken", token)).Append(new("unknownField", "x"));
            using var content = new FormUrlEncodedContent(values);
            await SendAsync(client, HttpMethod.Post, url, null, content, label);
        }
        await SendAsync(client, HttpMethod.Post, url + (url.Contains('?') ? "&" : "?") + "q=%00", null,
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), "query NUL");
    }

    private async Task SendAsync(HttpClient client, HttpMethod method, string url, string? body, HttpContent? form = null, string label = "")
    {
        using var request = new HttpRequestMessage(method, url)
        {
            Content = form ?? (body is null ? null : new StringContent(body, Encoding.UTF8, "application/json")),
        };
        using var response = await client.SendAsync(request);
        _requests++;
        var status = (int)response.StatusCode;
        _statuses[status] = _statuses.GetValueOrDefault(status) + 1;
        var text = await response.Content.ReadAsStringAsync();
        var what = $"{method} {url} {label}{(body is null ? "" : " " + body[..Math.Min(body.Length, 80)])}";
        if (status is < 400 or >= 500) { _failures.Add($"{what}: {status}"); return; }
        if (!Swedish(text, url.StartsWith("/api", StringComparison.Ordinal))) _failures.Add($"{what}: {status} without a Swedish message: {text[..Math.Min(text.Length, 200)]}");
    }

    private static bool Swedish(string text, bool api)
    {
        if (!api) return text.Contains("<h1", StringComparison.Ordinal) && (text.Contains("error-summary", StringComparison.Ordinal) || text.Contains("Felaktig begäran", StringComparison.Ordinal)
            || text.Contains("Sidan finns inte", StringComparison.Ordinal) || text.Contains("behörighet", StringComparison.Ordinal) || text.Contains("stöds inte", StringComparison.Ordinal));
        try { return JsonDocument.Parse(text).RootElement.GetProperty("message").GetString() is { Length: > 0 } m && !m.Contains("error", StringComparison.OrdinalIgnoreCase); }
        catch (JsonException) { return false; }
    }

    /// <summary>Rows in every table of the app's schema.</summary>
    private Task<Dictionary<string, long>> RowCountsAsync() => app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {table}";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    });
}
