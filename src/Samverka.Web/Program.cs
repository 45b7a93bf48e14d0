// Samverka's table of contents: each shared concern and each feature registers itself from its own
// folder (Infrastructure/*Setup.cs, Features/<Feature>/<Feature>Feature.cs and <Feature>Api.cs).
using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.ActivityPlans;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Directory.Kb;
using Samverka.Web.Features.Engagement;
using Samverka.Web.Features.LibraryPlans;
using Samverka.Web.Features.MyWork;
using Samverka.Web.Features.Needs;
using Samverka.Web.Features.Programmes;
using Samverka.Web.Features.Programmes.ReferenceGroups;
using Samverka.Web.Features.SelfAssessment;
using Samverka.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

// Shared: Swedish culture, logging, Razor Pages under Features/, caching, JSON, OpenAPI, health, errors.
builder.AddSamverkaWeb(pages => pages.AddDirectoryConventions());
builder.AddSamverkaTelemetry();             // OpenTelemetry over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set
builder.Services.AddSamverkaData(config);   // PostgreSQL, AppDbContext + scope guard + audit, migrations
builder.Services.AddOutbox(config);         // e-mail through the outbox table
builder.Services.AddHostedService<ReminderService>(); // runs the reminder queues features register

// Features that bring services of their own.
builder.Services.AddSamverkaIdentity(config);
builder.Services.AddAgreements();
builder.Services.AddLibraryPlans();
builder.Services.AddEngagement();
builder.Services.AddSelfAssessment(config);
builder.Services.AddMyWork();            // the weekly digest of Mitt arbete

var app = builder.Build();
if (!await app.PrepareDatabaseAsync(args)) return; // migrate, load reference and demo data
if (await app.RunKbCommandAsync(args)) return;     // ./run import-kb FILE: KB's register or statistics, then exit

app.UseSamverkaWeb();       // error pages, security headers, status pages, culture, static files, routing
app.UseSamverkaIdentity();  // sign-in rate limits, authentication, admin two-factor, authorisation
app.UseOutputCache();
app.UseAntiforgery();

app.MapSamverkaEssentials(); // /health/live, /health/ready, /openapi/v1.json
var api = app.MapGroup("").WithInputTextChecks(); // every API endpoint: no control characters, no personnummer
api.MapDirectoryApi();
api.MapProgrammesApi();
api.MapReferenceGroupsApi();
api.MapEngagementApi();
api.MapAgreementsApi();
api.MapActivitiesApi();
api.MapSelfAssessmentApi();
api.MapActivityPlansApi();
api.MapLibraryPlansApi();
api.MapNeedsApi();
app.MapRazorPages();

app.Run();

public partial class Program;
