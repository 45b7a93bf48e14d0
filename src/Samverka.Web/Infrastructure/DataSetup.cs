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
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        services.AddSingleton(dataSource);
        // ScopeGuardInterceptor refuses any write outside the user's organisations (second layer behind DirectoryAccess).
        services.AddSingleton<ScopeGuardInterceptor>();
        // AuditInterceptor (after the guard, so a refused write opens no transaction) writes the audit rows in the change's transaction.
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditInterceptor>();
        // Then every interceptor a feature registers as IInterceptor (e.g. the engagement map's cache eviction).
        services.AddDbContext<AppDbContext>((sp, o) => o.UseNpgsql(dataSource)
            .AddInterceptors(sp.GetRequiredService<InputGuardInterceptor>(), sp.GetRequiredService<ScopeGuardInterceptor>(), sp.GetRequiredService<AuditInterceptor>())
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddSingleton<MigrationRunner>();
        services.AddScoped<StartupData>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.Configure<SamverkaOptions>(configuration.GetSection("Samverka"));
        return services;
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
