using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory;

namespace Samverka.Tests.Security;

/// <summary>
/// The app with one extra, test-only endpoint that "forgot" its scope check: it renames Västerås
/// stadsbibliotek for whoever asks, so the SaveChanges guard is what stops a library manager in Malmö.
/// </summary>
public sealed class ScopeGuardFactory : SamverkaFactory
{
    public const string HtmlPath = "/test/glomd-kontroll";
    public const string ApiPath = "/api/test/glomd-kontroll";
    protected override string Purpose => "guard";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, ForgetfulEndpointFilter>());
    }

    /// <summary>After the whole app (exception handler, authentication, routing): runs where no page matched.</summary>
    private sealed class ForgetfulEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (ctx, n) =>
            {
                if (ctx.Request.Path != HtmlPath && ctx.Request.Path != ApiPath)
                {
                    await n();
                    return;
                }
                var db = ctx.RequestServices.GetRequiredService<AppDbContext>();
                var library = await db.Libraries.SingleAsync(l => l.Name == "Västerås stadsbibliotek");
                library.Name = "Omdöpt av en sida som glömde kontrollen";
                await db.SaveChangesAsync();
                ctx.Response.StatusCode = StatusCodes.Status200OK;
            });
        };
    }
}

/// <summary>A write stopped by the guard is a 403 with the Swedish refusal and an audit row, never a 500.</summary>
public class ScopeViolationTests(ScopeGuardFactory app) : IClassFixture<ScopeGuardFactory>
{
    private Task<long> LastAuditIdAsync() => app.WithDbAsync(db => db.AuditEvents.MaxAsync(e => (long?)e.Id)).ContinueWith(t => t.Result ?? 0);

    private Task<List<AuditEvent>> AuditSinceAsync(long after) =>
        app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id > after).OrderBy(e => e.Id).ToListAsync());

    private async Task AssertUnchangedAndAudited(long before, string path)
    {
        Assert.Equal(1, await app.WithDbAsync(db => db.Libraries.CountAsync(l => l.Name == "Västerås stadsbibliotek")));
        var e = Assert.Single(await AuditSinceAsync(before));
        Assert.Equal(("access_denied", Maja), (e.Action, e.UserEmail));
        Assert.Contains(path, e.Summary);
    }

    [Fact]
    public async Task HtmlRequest_GuardRefusal_IsTheAccessDeniedPageWith403AndAnAuditRow()
    {
        var client = await app.SignedInAs(Roles.LibraryManager);
        var before = await LastAuditIdAsync();

        var response = await client.GetAsync(ScopeGuardFactory.HtmlPath);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Equal("Du saknar behörighet", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Kontakta din regionala samordnare", doc.QuerySelector("main")!.TextContent);
        await AssertUnchangedAndAudited(before, ScopeGuardFactory.HtmlPath);
    }

    [Fact]
    public async Task HtmlFormPost_GuardRefusal_IsAlso403()
    {
        var client = await app.SignedInAs(Roles.LibraryManager);
        var response = await client.PostAsync(ScopeGuardFactory.HtmlPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Du saknar behörighet", (await response.ToDocumentAsync()).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task ApiRequest_GuardRefusal_IsSwedishJson403AndAnAuditRow()
    {
        var client = await app.SignedInAs(Roles.LibraryManager);
        var before = await LastAuditIdAsync();

        var response = await client.PostAsync(ScopeGuardFactory.ApiPath, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = await response.Content.ReadFromJsonAsync<ApiError>();
        Assert.Equal(ApiErrors.StatusMessage(403), error!.Message);
        await AssertUnchangedAndAudited(before, ScopeGuardFactory.ApiPath);
    }
}
