using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Accounts;

/// <summary>
/// Accounts, sign-in and authorisation: ASP.NET Core Identity on <see cref="AppDbContext"/>, the cookie's
/// paths and API answers, the security rules of <see cref="SignInSecurity"/>, and the directory editor policy.
/// </summary>
public static class AccountsFeature
{
    public static IServiceCollection AddSamverkaIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider) // each TOTP code once
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<SwedishIdentityErrorDescriber>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/konto/logga-in";
            o.LogoutPath = "/konto/logga-ut";
            o.AccessDeniedPath = "/konto/nekad";
            // Cookie names, flags and timeouts: SignInSecurity.AddSignInSecurity.
            // The JSON API answers 401/403 instead of redirecting to an HTML sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = async ctx =>
            {
                await AuditLog.AccessDeniedAsync(ctx.HttpContext); // every Forbid passes here: policies and pages alike
                await ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
            };
        });
        services.AddSignInSecurity(configuration);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.DirectoryEditor, p => p.RequireRole(Roles.DirectoryEditors.Split(',')));
        return services;
    }

    /// <summary>Rate limits on the sign-in posts, authentication, the administrators' two-factor rule, authorisation.</summary>
    public static IApplicationBuilder UseSamverkaIdentity(this IApplicationBuilder app) =>
        app.UseSignInRateLimiting()
            .UseAuthentication()
            .UseAdminTwoFactorRequirement()
            .UseAuthorization();

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
