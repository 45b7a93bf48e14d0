
namespace Samverka.Web.Infrastructure;

public static class ErrorPages
{
    /// <summary>
    /// An error status without a body gets a Swedish explanation: as JSON under /api (a program is
    /// reading), otherwise the HTML page at /fel/{code}.
    /// </summary>
    public static IApplicationBuilder UseSwedishStatusCodePages(this IApplicationBuilder app)
    {
        app.UseWhen(ApiErrors.IsApi, api => api.UseStatusCodePages(ApiErrors.WriteStatusAsync));
        app.UseWhen(c => !ApiErrors.IsApi(c), web => web.UseStatusCodePagesWithReExecute("/fel/{0}"));
        return app;
    }
}
