using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Samverka.Web.Features.Engagement;

/// <summary>What the engagement map adds to the app: the interceptor that empties the output cache when programme data changes.</summary>
public static class EngagementFeature
{
    public static IServiceCollection AddEngagement(this IServiceCollection services) =>
        services.AddSingleton<EngagementCacheInterceptor>()
            .AddSingleton<IInterceptor>(sp => sp.GetRequiredService<EngagementCacheInterceptor>());
}
