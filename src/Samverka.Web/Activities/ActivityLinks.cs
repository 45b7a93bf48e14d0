namespace Samverka.Web.Activities;

public static class ActivityLinks
{
    /// <summary>
    /// The address e-mailed links and calendar URLs use: Samverka:PublicUrl in production, so a forged
    /// Host header cannot make them point elsewhere; without it, the request's own address.
    /// </summary>
    public static string BaseUrl(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Samverka:PublicUrl"]?.TrimEnd('/') is { Length: > 0 } configured
            ? configured
            : $"{request.Scheme}://{request.Host}";
}
