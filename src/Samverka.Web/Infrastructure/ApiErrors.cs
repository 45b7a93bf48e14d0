using Microsoft.AspNetCore.Diagnostics;

namespace Samverka.Web.Infrastructure;

public record ApiError(string Message, IDictionary<string, string[]>? Errors = null);

/// <summary>
/// Every error the JSON API gives is <see cref="ApiError"/> with a Swedish message: never an HTML
/// error page and never the framework's English problem details.
/// </summary>
public static class ApiErrors
{
    /// <summary>Said for every write endpoint, so it names no one endpoint's fields (the OpenAPI document does).</summary>
    public const string InvalidJson =
        "Innehållet kunde inte tolkas som JSON. Skicka ett JSON-objekt med fälten som API-beskrivningen (/openapi/v1.json) anger, " +
        "med text, datum (ÅÅÅÅ-MM-DD) och koder som strängar, till exempel {\"municipalityCode\": \"1280\"}.";
    public const string NotJson = "Skicka uppgifterna som JSON med Content-Type: application/json.";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static string StatusMessage(int status, string method = "GET") => status switch
    {
        // A 400 without a body comes from binding: the JSON body of a write, or a parameter of a read.
        400 when HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) => InvalidJson,
        400 => "Begäran kunde inte tolkas. Kontrollera parametrarna i adressen.",
        401 => "Du måste logga in för att göra det här.",
        403 => "Ditt konto har inte behörighet att göra det här.",
        404 => "Det finns inget här. Kontrollera adressen; API:et beskrivs i /openapi/v1.json.",
        405 => "Metoden stöds inte på den här adressen.",
        413 => "Innehållet är för stort.",
        415 => NotJson,
        429 => "För många anrop på kort tid. Vänta en stund och försök igen.",
        >= 500 => "Ett tekniskt fel uppstod hos oss. Felet är loggat. Försök igen om en stund.",
        _ => "Begäran kunde inte genomföras.",
    };

    /// <summary>
    /// For UseStatusCodePages on /api: an error status without a body gets a Swedish JSON body. The
    /// framework answers malformed JSON, a missing body or another content type with a bare 400 or 415
    /// before the handler runs; this is where those get their explanation.
    /// </summary>
    public static Task WriteStatusAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        return http.Response.WriteAsJsonAsync(new ApiError(StatusMessage(http.Response.StatusCode, http.Request.Method)));
    }
}

/// <summary>An unhandled exception in the API is logged by the middleware and answered as JSON, revealing nothing.</summary>
public class ApiExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // The middleware has already pointed Request.Path at the error page; the feature has the original.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value;
        if (!new PathString(path).StartsWithSegments("/api")) return false; // the Swedish HTML error page
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await context.Response.WriteAsJsonAsync(new ApiError(ApiErrors.StatusMessage(500)), ct);
        return true;
    }
}
