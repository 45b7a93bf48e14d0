using Microsoft.AspNetCore.Diagnostics;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// A <see cref="ScopeViolationException"/> means a page or endpoint forgot its scope check and the
/// guard stopped the write: that is a refusal, not a crash. Answered as 403 (the access-denied page,
/// or a Swedish JSON error under /api) and written to the audit trail as "access_denied". The
/// operations log still gets the exception from the middleware, so the missing check can be fixed.
/// </summary>
public class ScopeViolationHandler(AuditLog audit, ILogger<ScopeViolationHandler> logger) : IExceptionHandler
{
    /// <summary>The page re-executed for an HTML request: the same one every other refusal leads to.</summary>
    public const string AccessDeniedPath = "/konto/nekad";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not ScopeViolationException) return false;
        // The middleware has already pointed Request.Path at the error page; the feature has the original.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        logger.LogWarning("Scope guard refused a write on {Method} {Path}: a scope check is missing", context.Request.Method, path);
        await audit.AccessDeniedAsync(context, path, "skrivning utanför organisationen stoppades");

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (new PathString(path).StartsWithSegments("/api"))
        {
            await context.Response.WriteAsJsonAsync(new ApiError(ApiErrors.StatusMessage(StatusCodes.Status403Forbidden)), ct);
            return true;
        }
        // Not handled here: the middleware re-executes the pipeline for Request.Path, now the
        // access-denied page (which keeps the 403), instead of the 500 page.
        context.Request.Path = AccessDeniedPath;
        return false;
    }
}
