using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Samverka.Tests.Features.Activities;
using Samverka.Tests.Support;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Infrastructure;

/// <summary>The app with telemetry on and in-memory exporters in place of OTLP, and every log line captured.</summary>
public sealed class TelemetryFactory : SamverkaFactory
{
    protected override string Purpose => "telemetry";
    public List<Activity> Spans { get; } = [];
    public List<Metric> Metrics { get; } = [];
    public List<(string Category, string Message)> Logs { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Samverka:Telemetry:Enabled", "true");
        builder.ConfigureTestServices(s =>
        {
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));
            s.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(Metrics));
        });
        builder.ConfigureLogging(l => l.AddProvider(new CapturingLoggerProvider(Logs)));
    }
}

/// <summary>
/// Traces, metrics and request logs for a registration, its e-mail and a token link; nothing personal in any of them.
/// </summary>
public class TelemetryTests(TelemetryFactory app) : IClassFixture<TelemetryFactory>
{
    [Fact]
    public async Task Registration_IsTracedAndLogged_WithoutPersonalDataOrTokens()
    {
        var id = await ActivitySamples.CreateAsync(app, capacity: 5);
        var hugo = await app.WithDbAsync(db => db.People.IgnoreQueryFilters().Where(p => p.Email == SamverkaFactory.Accounts[Roles.LibraryStaff])
            .Select(p => new { p.Id, p.Name, p.Email }).SingleAsync());
        var client = await app.SignedInAs(Roles.LibraryStaff);
        const string token = "hemligtokenABCDEFGHIJKLMNOPQRSTUVWXYZ0123";

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/v1/activities/{id}/registrations", new { })).StatusCode);
        await app.Anonymous().GetAsync($"/sjalvskattning/svara/{token}?namn={Uri.EscapeDataString(hugo.Name)}");
        await app.Anonymous().GetAsync($"/aktiviteter/avboka/{token}");
        var sender = app.Services.GetServices<IHostedService>().OfType<OutboxSender>().Single();
        while (await sender.SendDueAsync() > 0) { }
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        List<Activity> spans;
        lock (app.Spans) spans = [.. app.Spans];
        var server = spans.Single(s => s.Kind == ActivityKind.Server && s.GetTagItem("http.route") as string == "/api/v1/activities/{id:int}/registrations");
        Assert.Equal(201, Convert.ToInt32(server.GetTagItem("http.response.status_code"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(spans, s => s.Source.Name == "Npgsql" && s.TraceId == server.TraceId); // its database commands
        Assert.Contains(spans, s => s.Source.Name == Telemetry.Name && s.OperationName == "outbox.send");
        // The two token links were traced too (as their route, or the error page's when the token is unknown).
        Assert.True(spans.Count(s => s.Kind == ActivityKind.Server) >= 3);
        Assert.Contains(app.Metrics, m => m.Name == "http.server.request.duration");
        Assert.Contains(app.Metrics, m => m.Name == "samverka.outbox.sent");

        // The request log names the route and carries the trace id of the request's spans.
        List<(string Category, string Message)> logs;
        lock (app.Logs) logs = [.. app.Logs];
        Assert.Contains(logs, l => l.Category == "Samverka.Requests" && l.Message.Contains("POST /api/v1/activities/{id:int}/registrations 201")
            && l.Message.Contains(server.TraceId.ToString()));

        string[] secrets = [hugo.Email, hugo.Name, token, Uri.EscapeDataString(hugo.Name)];
        // Every span of the app's own work: the requests' and the outbox's traces (not the test's own queries for setup).
        var traces = spans.Where(s => s.Kind == ActivityKind.Server || s.Source.Name == Telemetry.Name).Select(s => s.TraceId).ToHashSet();
        foreach (var span in spans.Where(s => traces.Contains(s.TraceId)))
        {
            var text = string.Join(" ", new[] { span.DisplayName, span.OperationName }
                .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
                .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{t.Key}={t.Value}"))));
            foreach (var secret in secrets) Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var (category, message) in logs)
            foreach (var secret in secrets) Assert.False(message.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{category}: {message}");
    }
}
