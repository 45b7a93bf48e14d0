using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Samverka.Web.Data;

namespace Samverka.Web.Infrastructure;

/// <summary>PostgreSQL, the <see cref="AppDbContext"/> with its interceptors, migrations and start-up data.</summary>
public static class DataSetup
{
    public static IServiceCollection AddSamverkaData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not set. ./run sets it for the private cluster.");
        var database = configuration.GetSection("Samverka:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Requests use the Default (least-privilege) role with a bounded pool: a request waits at most
        // Timeout seconds for a connection and then gets a 503 (DatabaseBusyHandler), never a hang.
        var app = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = database.MaxPoolSize,
            Timeout = database.ConnectionTimeoutSeconds,
        };
        // The statements a request runs again and again (a page's queries, the seat decision) are prepared once per
        // connection, so PostgreSQL plans them once instead of on every request; a string that says otherwise wins.
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)) app.MaxAutoPrepare = 64;
        var dataSource = new NpgsqlDataSourceBuilder(app.ConnectionString).Build();
        services.AddSingleton(dataSource);
        // Migrations run as the owner (ConnectionStrings:Migrations) when given, else as Default (as before);
        // the runner then grants the Default role its rights on every table, including new ones.
        services.AddSingleton(sp => new MigrationRunner(MigrationsDataSource(configuration, dataSource),
            sp.GetRequiredService<ILogger<MigrationRunner>>(), AppRole(configuration, app)));
        // ScopeGuardInterceptor refuses any write outside the user's organisations (second layer behind DirectoryAccess).
        services.AddSingleton<ScopeGuardInterceptor>();
        // AuditInterceptor (after the guard, so a refused write opens no transaction) writes the audit rows in the change's transaction.
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditInterceptor>();
        // Then every interceptor a feature registers as IInterceptor (e.g. the engagement map's cache eviction).
        services.AddDbContext<AppDbContext>((sp, o) => o.UseNpgsql(dataSource)
            .AddInterceptors(sp.GetRequiredService<InputGuardInterceptor>(), sp.GetRequiredService<ScopeGuardInterceptor>(), sp.GetRequiredService<AuditInterceptor>())
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddScoped<StartupData>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.Configure<SamverkaOptions>(configuration.GetSection("Samverka"));
        services.Configure<DatabaseOptions>(configuration.GetSection("Samverka:Database"));
        return services;
    }

    /// <summary>
    /// The owner's own data source, unpooled so that its one connection closes after the migrations,
    /// or the app's when no Migrations string is set.
    /// </summary>
    private static NpgsqlDataSource MigrationsDataSource(IConfiguration configuration, NpgsqlDataSource app) =>
        configuration.GetConnectionString("Migrations") is { Length: > 0 } owner
            ? new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(owner) { Pooling = false }.ConnectionString).Build()
            : app;

    /// <summary>
    /// The role that serves requests, to be granted its rights: the Default string's Username, when
    /// migrations run as someone else. Null when both are the same role (nothing to grant).
    /// </summary>
    private static string? AppRole(IConfiguration configuration, NpgsqlConnectionStringBuilder app)
    {
        if (configuration.GetConnectionString("Migrations") is not { Length: > 0 } owner) return null;
        var ownerRole = new NpgsqlConnectionStringBuilder(owner).Username;
        return app.Username is { Length: > 0 } role && role != ownerRole ? role : null;
    }

    /// <summary>
    /// Applies the migrations and loads reference, administrator and demo data. With <c>--print-schema</c>
    /// (a development aid to draft the next SQL migration) prints EF's view of the schema instead and
    /// returns false: the app should then not start.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (args.Contains("--print-schema"))
        {
            Console.WriteLine(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GenerateCreateScript());
            return false;
        }
        await scope.ServiceProvider.GetRequiredService<MigrationRunner>().ApplyAsync();
        await scope.ServiceProvider.GetRequiredService<StartupData>().LoadAsync();
        return true;
    }
}
