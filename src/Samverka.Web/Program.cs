using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Programmes.ReferenceGroups;
using Samverka.Web.Features.Programmes;
using Samverka.Web.Features.Engagement;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.SelfAssessment;
using Samverka.Web.Features.ActivityPlans;
using Samverka.Web.Features.LibraryPlans;
using Samverka.Web.Features.Needs;

var sv = CultureInfo.GetCultureInfo("sv-SE");
CultureInfo.DefaultThreadCurrentCulture = sv;
CultureInfo.DefaultThreadCurrentUICulture = sv;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
builder.Host.ConfigureHostOptions(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

var connectionString = builder.Configuration.GetConnectionString("Default")
    ?? throw new InvalidOperationException("ConnectionStrings:Default is not set. ./run sets it for the private cluster.");
var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
builder.Services.AddSingleton(dataSource);
// ScopeGuardInterceptor refuses any write outside the user's organisations (second layer behind DirectoryAccess).
var scopeGuard = new ScopeGuardInterceptor();
// AuditInterceptor (after the guard, so a refused write opens no transaction) writes the audit rows in the change's transaction.
builder.Services.AddSingleton<AuditLog>();
builder.Services.AddSingleton<AuditInterceptor>();
builder.Services.AddSingleton<EngagementCacheInterceptor>(); // programme data changed: the public output cache is emptied
builder.Services.AddDbContext<AppDbContext>((sp, o) => o.UseNpgsql(dataSource)
    .AddInterceptors(scopeGuard, sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<EngagementCacheInterceptor>()));
builder.Services.AddSingleton<MigrationRunner>();
builder.Services.AddScoped<StartupData>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentUser>();
builder.Services.Configure<SamverkaOptions>(builder.Configuration.GetSection("Samverka"));
builder.Services.AddOutbox(builder.Configuration);
builder.Services.AddHostedService<ReminderService>(); // agreement follow-ups and library plans
builder.Services.Configure<Samverka.Web.Features.SelfAssessment.SelfAssessmentOptions>(builder.Configuration.GetSection("Samverka:SelfAssessment"));

builder.Services.AddIdentityCore<AppUser>(o =>
    {
        o.User.RequireUniqueEmail = true;
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = 5;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddSignInManager<AppSignInManager>()
    .AddPasswordValidator<CommonPasswordValidator>()
    .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider) // each TOTP code once
    .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
    .AddErrorDescriber<SwedishIdentityErrorDescriber>();
builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/konto/logga-in";
    o.LogoutPath = "/konto/logga-ut";
    o.AccessDeniedPath = "/konto/nekad";
    // Cookie names, flags and timeouts: SignInSecurity.AddSignInSecurity.
    // The JSON API answers 401/403 instead of redirecting to an HTML sign-in page.
    o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = async ctx =>
    {
        await AuditLog.AccessDeniedAsync(ctx.HttpContext); // every Forbid passes here: policies and pages alike
        await ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
    };
});
builder.Services.AddSignInSecurity(builder.Configuration);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(Policies.DirectoryEditor, p => p.RequireRole(Roles.DirectoryEditors.Split(',')));

builder.Services.AddDataProtection().SetApplicationName("Samverka");
builder.Services.AddSingleton<DatabaseXmlRepository>();
builder.Services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
    .Configure<DatabaseXmlRepository>((o, repo) => o.XmlRepository = repo);

// Emit å, ä, ö as they are instead of as &#xE5; entities: smaller, readable pages.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddAntiforgery(); // __Host- cookie: SignInSecurity
builder.Services.AddOutputCache(o =>
{
    o.AddPolicy(CachePolicies.Directory, p => p.Expire(TimeSpan.FromMinutes(10)).Tag(CachePolicies.Directory).SetVaryByQuery("*"));
    // Every distinct query string is its own entry, so made-up parameters could fill memory:
    // keep the cache small (the whole public directory fits many times over) and skip huge pages.
    o.SizeLimit = 32 * 1024 * 1024;
    o.MaximumBodySize = 1024 * 1024;
});
builder.Services.AddRazorPages(o =>
{
    o.RootDirectory = "/Features";
    o.Conventions.AuthorizeFolder("/Directory/People");
    o.Conventions.AuthorizePage("/Directory/People/Create", Policies.DirectoryEditor);
    o.Conventions.AuthorizePage("/Directory/People/Edit", Policies.DirectoryEditor);
    o.Conventions.AuthorizeFolder("/Directory/Libraries", Policies.DirectoryEditor);
    o.Conventions.AllowAnonymousToPage("/Directory/Libraries/Index");
    o.Conventions.AllowAnonymousToPage("/Directory/Libraries/Details");
});
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
    o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
});
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ScopeViolationHandler>(); // before the API's 500: a forgotten scope check is a 403
builder.Services.AddExceptionHandler<ApiExceptionHandler>();

var app = builder.Build();

// Development aid: prints EF's view of the schema to draft the next SQL migration.
if (args.Contains("--print-schema"))
{
    using var s = app.Services.CreateScope();
    Console.WriteLine(s.ServiceProvider.GetRequiredService<AppDbContext>().Database.GenerateCreateScript());
    return;
}

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<MigrationRunner>().ApplyAsync();
    await scope.ServiceProvider.GetRequiredService<StartupData>().LoadAsync();
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/fel/500");
    app.UseHsts();
}
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseSwedishStatusCodePages();
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(sv),
    SupportedCultures = [sv],
    SupportedUICultures = [sv],
});
app.UseStaticFiles();
app.UseRouting();
app.UseSignInRateLimiting();
app.UseAuthentication();
app.UseAdminTwoFactorRequirement();
app.UseAuthorization();
app.UseOutputCache();
app.UseAntiforgery();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") });
app.MapOpenApi("/openapi/{documentName}.json");
app.MapDirectoryApi();
app.MapReferenceGroupsApi();
app.MapProgrammesApi();
app.MapEngagementApi();
app.MapAgreementsApi();
app.MapActivitiesApi();
app.MapSelfAssessmentApi();
app.MapActivityPlansApi();
app.MapPlansApi();
app.MapNeedsApi();
app.MapRazorPages();

app.Run();

static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
{
    if (ctx.Request.Path.StartsWithSegments("/api"))
    {
        ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    }
    ctx.Response.Redirect(ctx.RedirectUri);
    return Task.CompletedTask;
}

public partial class Program;
