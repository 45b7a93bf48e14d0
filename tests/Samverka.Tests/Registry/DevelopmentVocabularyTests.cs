using System.Text.RegularExpressions;
using Samverka.Tests.Support;
using static Samverka.Tests.Security.ScopeSupport;

namespace Samverka.Tests.Registry;

/// <summary>User-facing text never speaks of "seed" data: every registry page as its role, and the start page per role.</summary>
[Collection(AppCollection.Name)]
public partial class DevelopmentVocabularyTests(SamverkaFactory app)
{
    [GeneratedRegex(@"\bseed", RegexOptions.IgnoreCase)]
    private static partial Regex Seed();

    [Fact]
    public async Task NoRegistryPage_SaysSeed()
    {
        var anonymous = app.Anonymous();
        var clients = new Dictionary<string, HttpClient>();
        var hits = new List<string>();
        foreach (var entry in PageRegistry.Entries.Where(e => e.IsBrowserPage))
        {
            var client = entry.Role is null ? anonymous
                : clients.TryGetValue(entry.Role, out var c) ? c : clients[entry.Role] = await app.SignedInAs(entry.Role);
            var url = await PageRegistry.ResolveAsync(entry.SampleUrl, app);
            var doc = await client.GetDocumentAsync(url);
            var text = doc.Body?.TextContent ?? "";
            if (Seed().Match(text) is { Success: true } m)
                hits.Add($"{url}: …{text.Substring(Math.Max(0, m.Index - 40), Math.Min(80, text.Length - Math.Max(0, m.Index - 40)))}…");
        }
        Assert.True(hits.Count == 0, "Pages mention seed:\n  " + string.Join("\n  ", hits));
    }

    [Theory]
    [InlineData(Sara)] [InlineData(Maja)] [InlineData(Hugo)] [InlineData(Nora)] [InlineData(Admin)]
    public async Task StartPage_DoesNotSaySeed(string email)
    {
        var doc = await (await app.As(email)).GetDocumentAsync("/");
        Assert.DoesNotMatch(Seed(), doc.Body?.TextContent ?? "");
    }
}
