namespace Samverka.Web.Infrastructure;

public static class PublicUrl
{
    /// <summary>
    /// The address every link that leaves the page uses (e-mails, calendar files, the report's DOCX, answer links):
    /// Samverka:PublicUrl in production, so a forged Host header or a proxy's internal host cannot make them point
    /// elsewhere; without it, the request's own address.
    /// </summary>
    public static string Base(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Samverka:PublicUrl"]?.TrimEnd('/') is { Length: > 0 } configured
            ? configured
            : $"{request.Scheme}://{request.Host}";
}
