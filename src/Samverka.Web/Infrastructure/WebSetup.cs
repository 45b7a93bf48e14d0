using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Samverka.Web.Infrastructure;

/// <summary>What every page and endpoint shares: Razor Pages under Features/, caching, JSON, OpenAPI, errors, health.</summary>
public static class WebSetup
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static WebApplicationBuilder AddSamverkaWeb(this WebApplicationBuilder builder, Action<PageConventionCollection> pageConventions)
    {
        CultureInfo.DefaultThreadCurrentCulture = Swedish;
        CultureInfo.DefaultThreadCurrentUICulture = Swedish;
        builder.Logging.ClearProviders();
        // Readable lines for a person by default ("16:02:11 info: Samverka …"); JSON lines for a log collector with
        // Logging__Console__FormatterName=json (README, production). The configuration picks the formatter.
        builder.Logging.AddConsole();
        // Named, so that the console uses the options below (without a name it copies its own, older ones).
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o =>
            o.FormatterName ??= Microsoft.Extensions.Logging.Console.ConsoleFormatterNames.Simple);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.SimpleConsoleFormatterOptions>(o =>
        {
            o.TimestampFormat = "HH:mm:ss ";
            o.SingleLine = true;
        });
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.JsonConsoleFormatterOptions>(o =>
        {
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        var services = builder.Services;
        services.AddDataProtection().SetApplicationName("Samverka");
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<DatabaseXmlRepository>((o, repo) => o.XmlRepository = repo);

        // Emit å, ä, ö as they are instead of as &#xE5; entities: smaller, readable pages.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(); // __Host- cookie: SignInSecurity
        services.AddOutputCache(o =>
        {
            o.AddPolicy(CachePolicies.Directory, p => p.Expire(TimeSpan.FromMinutes(10)).Tag(CachePolicies.Directory).SetVaryByQuery("*"));
            // Every distinct query string is its own entry, so made-up parameters could fill memory:
            // keep the cache small (the whole public directory fits many times over) and skip huge pages.
            o.SizeLimit = 32 * 1024 * 1024;
            o.MaximumBodySize = 1024 * 1024;
        });
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features"; // URLs come from each page's @page route, not from the folder
            pageConventions(o.Conventions);
        });
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseBusyHandler>(); // no free connection in time: 503, not 500
        services.AddInputGuard(); // control characters and personnummer, in every bound text (its exception handler next)
        services.AddExceptionHandler<ScopeViolationHandler>(); // before the API's 500: a forgotten scope check is a 403
        services.AddExceptionHandler<ApiExceptionHandler>();
        return builder;
    }

    /// <summary>Error pages, security headers, the API's origin check, Swedish status pages and culture, static files, routing.</summary>
    public static WebApplication UseSamverkaWeb(this WebApplication app)
    {
        app.UseRequestLog();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fel/500");
            app.UseHsts();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<OriginCheckMiddleware>(); // cookie-authenticated API writes from another site: 403
        app.UseSwedishStatusCodePages();
        app.UseMiddleware<InputTextMiddleware>(); // after the status pages, so a refused form gets the Swedish 400 page
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Swedish),
            SupportedCultures = [Swedish],
            SupportedUICultures = [Swedish],
        });
        app.UseStaticFiles();
        app.UseRouting();
        return app;
    }

    /// <summary>/health/live (the process answers), /health/ready (the database answers) and the OpenAPI document.</summary>
    public static WebApplication MapSamverkaEssentials(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
