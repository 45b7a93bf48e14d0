namespace Samverka.Web.Features.SelfAssessment;

/// <summary>What the self-assessment adds to the app: its suppression thresholds (<c>Samverka:SelfAssessment</c>).</summary>
public static class SelfAssessmentFeature
{
    public static IServiceCollection AddSelfAssessment(this IServiceCollection services, IConfiguration config) =>
        services.Configure<SelfAssessmentOptions>(config.GetSection("Samverka:SelfAssessment"));
}
