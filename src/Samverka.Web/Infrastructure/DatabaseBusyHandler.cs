using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Every connection of the pool is in use and none came free within the pool's timeout
/// (Samverka:Database): the server is busy, not broken. Answered as 503 with Retry-After (the Swedish
/// page /fel/503, or a Swedish JSON error under /api), never a 500 and never an endless wait.
/// </summary>
/// <summary>A request waited its longest for its turn at the database (e.g. a queue before a row lock): answered as the pool's timeout is.</summary>
public class DatabaseBusyException(string message) : TimeoutException(message);

public class DatabaseBusyHandler(IOptions<DatabaseOptions> options, ILogger<DatabaseBusyHandler> logger) : IExceptionHandler
{
    public const string Message = "Tjänsten har just nu fler besökare än den hinner med. Vänta en stund och försök igen.";

    /// <summary>Npgsql's answer when no pooled connection came free in time: an NpgsqlException around a TimeoutException.</summary>
    public static bool IsPoolExhausted(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is DatabaseBusyException) return true;
            else if (e is NpgsqlException { InnerException: TimeoutException } npgsql && npgsql.Message.Contains("pool", StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsPoolExhausted(exception)) return false;
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        logger.LogWarning("No database connection came free in time for {Method} {Path}: answered 503", context.Request.Method, path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (new PathString(path).StartsWithSegments("/api"))
        {
            await context.Response.WriteAsJsonAsync(new ApiError(Message), ct);
            return true;
        }
        // Re-executed as the Swedish 503 page (no database needed), as ScopeViolationHandler does for 403.
        context.Request.Path = "/fel/503";
        return false;
    }
}
