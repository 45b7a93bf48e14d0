using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Samverka.Web.Infrastructure;

public class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var cmd = dataSource.CreateCommand("SELECT 1");
            await cmd.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The exception is logged by the health check service; the response reveals nothing.
            return HealthCheckResult.Unhealthy("database unavailable", ex);
        }
    }
}
