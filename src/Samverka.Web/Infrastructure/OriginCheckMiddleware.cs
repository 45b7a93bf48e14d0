using Microsoft.AspNetCore.Authentication;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// Cross-site request forgery guard for the API: a cookie-authenticated POST, PUT, PATCH or DELETE under
/// /api/v1 whose <c>Origin</c> is not the app's own (the request's scheme://host[:port], or Samverka:PublicUrl)
/// or whose <c>Sec-Fetch-Site</c> is anything but <c>same-origin</c> or <c>none</c> is refused with 403 and
/// a Swedish <see cref="ApiError"/>, and audited as a refusal. A request with neither header (a script,
/// curl) passes, as do safe methods and requests without a session (the API knows no other credential,
/// so they are anonymous and meet the endpoint's own 401). The pages have antiforgery tokens instead.
/// </summary>
public class OriginCheckMiddleware(RequestDelegate next)
{
    public const string Message = "Förfrågan kom från en annan webbplats och avvisades.";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method) || !request.Path.StartsWithSegments("/api/v1") || !IsForeign(request))
        {
            await next(context);
            return;
        }
        // Runs before UseAuthentication: authenticate here, and only for the few requests that need it.
        var session = await context.AuthenticateAsync();
        if (session.Principal?.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }
        context.User = session.Principal;
        await context.RequestServices.GetRequiredService<AuditLog>().AccessDeniedAsync(context, request.Path.Value,
            $"förfrågan från en annan webbplats: Origin {Clip(request.Headers.Origin)}, Sec-Fetch-Site {Clip(request.Headers["Sec-Fetch-Site"])}");
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await context.Response.WriteAsJsonAsync(new ApiError(Message), context.RequestAborted);
    }

    /// <summary>True when a header says the request was sent by another site's page.</summary>
    public static bool IsForeign(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none")) return true;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return false;
        var own = $"{request.Scheme}://{request.Host}";
        return !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(origin, PublicOrigin(request), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Scheme, host and port of Samverka:PublicUrl (behind a proxy the browser's origin is the public one).</summary>
    private static string? PublicOrigin(HttpRequest request) =>
        Uri.TryCreate(request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Samverka:PublicUrl"], UriKind.Absolute, out var url)
            ? url.GetLeftPart(UriPartial.Authority) : null;

    private static string Clip(Microsoft.Extensions.Primitives.StringValues value) =>
        value.ToString() is { Length: > 0 } s ? (s.Length > 100 ? s[..100] : s) : "saknas";
}
