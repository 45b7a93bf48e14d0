using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics: requests (ASP.NET Core), database commands (Npgsql), the outbox and the reminder
/// loop (this source and meter), the runtime. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the
/// standard OTEL_* variables configure the exporter), off otherwise; <c>Samverka:Telemetry:Enabled</c> turns it on
/// without an exporter (tests attach their own).
/// <para>
/// No personal data: a request span names its route template (<c>/sjalvskattning/svara/{token}</c>), never the path
/// or the query string, so tokens, names and e-mail addresses in URLs stay out; database spans carry the SQL text
/// with parameters, never their values; the outbox and reminder spans carry counts only.
/// </para>
/// </summary>
public static class Telemetry
{
    public const string Name = "Samverka";
    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);
    public static readonly Counter<long> MailSent = Meter.CreateCounter<long>("samverka.outbox.sent", description: "E-mail messages delivered");
    public static readonly Counter<long> MailFailed = Meter.CreateCounter<long>("samverka.outbox.failed", description: "E-mail attempts that failed and wait for a retry");
    public static readonly Counter<long> RemindersQueued = Meter.CreateCounter<long>("samverka.reminders.queued", description: "Reminders queued by the reminder loop");

    public static bool Enabled(IConfiguration config) =>
        !string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]) || config.GetValue<bool>("Samverka:Telemetry:Enabled");

    public static WebApplicationBuilder AddSamverkaTelemetry(this WebApplicationBuilder builder)
    {
        if (!Enabled(builder.Configuration)) return builder;
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("samverka"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health");
                    o.EnrichWithHttpRequest = (activity, _) => Scrub(activity);
                    o.EnrichWithHttpResponse = (activity, response) => Scrub(activity, response.HttpContext);
                })
                .AddNpgsql()
                .AddSource(Name))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Name, "Npgsql"));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) otel.UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// One log line per request, readable and with the trace id to find its spans: "GET /aktiviteter/{id:int} 200 in
    /// 12 ms (trace 4bf9…)". The route template, never the path: no token or name from a URL reaches the log.
    /// </summary>
    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Samverka.Requests");
        return app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try { await next(context); }
            finally
            {
                var endpoint = context.GetEndpoint() as RouteEndpoint;
                // Static files and health probes would drown the rest; a failed one is still logged.
                var quiet = context.Request.Path.StartsWithSegments("/health") || (endpoint is null && context.Response.StatusCode < 400);
                if (!quiet && logger.IsEnabled(LogLevel.Information))
                {
                    var route = endpoint?.RoutePattern.RawText is { } raw ? "/" + raw.TrimStart('/') : "(ingen sida)";
                    logger.LogInformation("{Method} {Route} {Status} in {Elapsed} ms (trace {TraceId})", context.Request.Method, route,
                        context.Response.StatusCode, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                        Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
                }
            }
        });
    }

    /// <summary>The path and query go; the route template (set by routing) names the request instead.</summary>
    private static void Scrub(Activity activity, HttpContext? context = null)
    {
        activity.SetTag("url.path", null);
        activity.SetTag("url.query", null);
        activity.SetTag("url.full", null);
        if (context?.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
        {
            var template = "/" + route.TrimStart('/');
            activity.SetTag("http.route", template);
            activity.DisplayName = $"{context.Request.Method} {template}";
        }
        else if (context is not null)
            activity.DisplayName = context.Request.Method;
    }
}
