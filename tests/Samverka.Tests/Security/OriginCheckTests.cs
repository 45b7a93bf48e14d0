using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Security;

/// <summary>The API's origin check (OriginCheckMiddleware): a signed-in browser's write sent by another site is refused.</summary>
[Collection(AppCollection.Name)]
public class OriginCheckTests(SamverkaFactory app)
{
    private static HttpRequestMessage Create(HttpMethod method, string name, params (string Header, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, "/api/v1/libraries")
        {
            Content = method == HttpMethod.Get ? null : JsonContent.Create(new { name, kind = "Filial", municipalityCode = "1280" }),
        };
        foreach (var (header, value) in headers) request.Headers.TryAddWithoutValidation(header, value);
        return request;
    }

    private Task<int> StoredAsync(string name) => app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name == name));

    [Fact]
    public async Task Post_WithForeignOrigin_Is403InSwedish_StoresNothing_AndIsAudited()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var name = $"Ursprung {UniqueText.Letters(8)}";
        var before = await app.WithDbAsync(db => db.AuditEvents.MaxAsync(e => (long?)e.Id)) ?? 0;

        var response = await client.SendAsync(Create(HttpMethod.Post, name, ("Origin", "http://evil.example")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Förfrågan kom från en annan webbplats och avvisades.", error.GetProperty("message").GetString());
        Assert.Equal(0, await StoredAsync(name));
        var denials = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Id > before && e.Action == AuditLog.Actions.AccessDenied).Select(e => new { e.Summary, e.UserEmail }).ToListAsync());
        Assert.Contains(denials, d => d.Summary.Contains("POST /api/v1/libraries") && d.Summary.Contains("http://evil.example") && d.UserEmail != null);
    }

    [Fact]
    public async Task Post_WithCrossSiteFetchMetadata_Is403()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var name = $"Ursprung {UniqueText.Letters(8)}";
        foreach (var site in new[] { "cross-site", "same-site" })
        {
            var response = await client.SendAsync(Create(HttpMethod.Post, name, ("Sec-Fetch-Site", site)));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(0, await StoredAsync(name));
    }

    [Fact]
    public async Task Post_FromOwnOrigin_OrWithoutHeaders_Works()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var own = client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var cases = new (string Header, string Value)[][]
        {
            [("Origin", own)],
            [("Origin", own), ("Sec-Fetch-Site", "same-origin")],
            [("Sec-Fetch-Site", "none")],
            [], // a script or curl: neither header
        };
        foreach (var headers in cases)
        {
            var name = $"Ursprung {UniqueText.Letters(8)}";
            var response = await client.SendAsync(Create(HttpMethod.Post, name, headers));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(1, await StoredAsync(name));
        }
    }

    [Fact]
    public async Task Get_WithForeignOrigin_Works()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var response = await client.SendAsync(Create(HttpMethod.Get, "", ("Origin", "http://evil.example"), ("Sec-Fetch-Site", "cross-site")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_Anonymous_WithForeignOrigin_MeetsTheEndpointsOwnRefusal()
    {
        var response = await app.Anonymous().SendAsync(Create(HttpMethod.Post, "Anonym", ("Origin", "http://evil.example")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
