using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Accounts;

/// <summary>Sign-in attempts allowed ("Samverka:RateLimits"); tests set their own.</summary>
public class SignInRateLimitOptions
{
    /// <summary>Sign-in posts (password and code) from one client IP per minute.</summary>
    public int PerIpPerMinute { get; set; } = 20;
    /// <summary>Password attempts for one submitted e-mail address per <see cref="AccountWindowMinutes"/>.</summary>
    public int PerAccount { get; set; } = 10;
    public int AccountWindowMinutes { get; set; } = 15;
}

/// <summary>
/// Account security (OWASP ASVS 5.0 level 2): session cookies, idle and absolute timeouts, session
/// revocation within a minute, TOTP two-factor and rate-limited sign-in.
/// </summary>
public static class SignInSecurity
{
    public const string SessionCookie = "__Host-samverka";
    public const string AntiforgeryCookie = "__Host-samverka.af";
    public const string TwoFactorCookie = "__Host-samverka.2fa";

    /// <summary>When the person signed in (Unix seconds); kept across cookie renewals for the absolute timeout.</summary>
    public const string SignedInAtClaim = "samverka:signed_in_at";
    /// <summary>Set by SignInManager after a second factor ("amr" = "mfa").</summary>
    public const string AmrClaim = "amr";

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(8);
    /// <summary>How often a session is checked against the account (active, security stamp).</summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(1);

    private static readonly PathString[] LimitedPaths = ["/konto/logga-in", "/konto/logga-in/kod"];

    public static IServiceCollection AddSignInSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInRateLimitOptions>(configuration.GetSection("Samverka:RateLimits"));

        // __Host- cookies: Secure, Path=/, no Domain, so no other host or path can set or read them.
        // SameSite=Lax rather than Strict: a link in an invitation e-mail must land signed in.
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = SessionCookie;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;

            var signingIn = o.Events.OnSigningIn;
            o.Events.OnSigningIn = ctx =>
            {
                // Re-issuing the cookie of the same person (password changed, two-factor set up) keeps
                // the original sign-in time, so the absolute timeout cannot be pushed forward.
                var previous = ctx.HttpContext.User;
                var keep = previous.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && id == ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier)
                    ? previous.FindFirst(SignedInAtClaim)?.Value : null;
                if (ctx.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SignedInAtClaim))
                    identity.AddClaim(new Claim(SignedInAtClaim,
                        keep ?? ctx.Options.TimeProvider!.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
                return signingIn(ctx);
            };

            // Identity's security stamp check runs after the absolute timeout.
            var stampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = async ctx =>
            {
                var now = ctx.Options.TimeProvider!.GetUtcNow();
                if (SignedInAt(ctx.Principal) is not { } at || now - at > AbsoluteTimeout)
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await stampCheck(ctx);
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = TwoFactorCookie;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
        });
        services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie = new AlwaysSecureCookieBuilder
            {
                Name = AntiforgeryCookie, Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict,
                IsEssential = true,
            };
        });

        // Deactivating an account or changing its password (new security stamp) ends its other
        // sessions at their next request after this interval.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = RevalidationInterval;
            o.OnRefreshingPrincipal = ctx =>
            {
                // The refreshed principal is built anew from the database: keep when and how they signed in.
                if (ctx.NewPrincipal?.Identity is ClaimsIdentity identity && ctx.CurrentPrincipal is { } current)
                    foreach (var claim in current.Claims.Where(c => c.Type is SignedInAtClaim or AmrClaim).ToList())
                        identity.AddClaim(new Claim(claim.Type, claim.Value, claim.ValueType));
                return Task.CompletedTask;
            };
        });

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInRateLimitOptions>>((o, limits) =>
        {
            var l = limits.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var perIp = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                !IsLimited(ctx) ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter("ip:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "okänd"), _ => new()
                {
                    PermitLimit = l.PerIpPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                }));
            var perAccount = PartitionedRateLimiter.Create<HttpContext, string>(ctx =>
                !IsLimited(ctx) || SubmittedEmail(ctx) is not { } email ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter("account:" + email, _ => new()
                {
                    PermitLimit = l.PerAccount, Window = TimeSpan.FromMinutes(l.AccountWindowMinutes), QueueLimit = 0,
                }));
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(perIp, perAccount);
            o.OnRejected = (ctx, _) =>
            {
                var seconds = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
                var value = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
                var response = ctx.HttpContext.Response;
                response.Headers.RetryAfter = value;
                // The Swedish 429 page is re-executed after a Response.Clear(); set the header again then.
                response.OnStarting(() => { response.Headers.RetryAfter = value; return Task.CompletedTask; });
                ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Samverka.SignIn")
                    .LogWarning("Sign-in rate limit reached for {Path}", ctx.HttpContext.Request.Path.Value);
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// Rate limiting of sign-in posts. The form is read first so the per-account partition can see
    /// the submitted e-mail (partitioners cannot await).
    /// </summary>
    public static IApplicationBuilder UseSignInRateLimiting(this IApplicationBuilder app)
    {
        app.Use(async (ctx, next) =>
        {
            if (IsLimited(ctx) && ctx.Request.HasFormContentType) await ctx.Request.ReadFormAsync();
            await next();
        });
        return app.UseRateLimiter();
    }

    /// <summary>
    /// Administrators must use two-factor sign-in: one signed in without a second factor reaches
    /// nothing but the two-factor set-up page (and sign-out) until they have set it up.
    /// </summary>
    public static IApplicationBuilder UseAdminTwoFactorRequirement(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            if (ctx.User.Identity?.IsAuthenticated == true && !ctx.User.HasClaim(AmrClaim, "mfa")
                && ctx.RequestServices.GetRequiredService<CurrentUser>().Scope.IsAdmin
                && !ctx.Request.Path.StartsWithSegments(TwoFactorSetupPath)
                && !ctx.Request.Path.StartsWithSegments("/konto/logga-ut")
                && !ctx.Request.Path.StartsWithSegments("/fel"))
            {
                if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                else ctx.Response.Redirect(TwoFactorSetupPath);
                return;
            }
            await next();
        });

    public const string TwoFactorSetupPath = "/konto/tvastegsverifiering";

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal? principal) =>
        long.TryParse(principal?.FindFirst(SignedInAtClaim)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    private static bool IsLimited(HttpContext ctx) =>
        HttpMethods.IsPost(ctx.Request.Method) && LimitedPaths.Any(p => ctx.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static string? SubmittedEmail(HttpContext ctx)
    {
        if (!ctx.Request.HasFormContentType) return null;
        var email = ctx.Request.Form["Email"].ToString().Trim();
        return email.Length == 0 ? null : email.ToUpperInvariant();
    }
}

/// <summary>
/// Only active accounts may sign in or stay signed in: the periodic security-stamp check also ends
/// the sessions of a deactivated account.
/// </summary>
public class AppSignInManager(UserManager<AppUser> userManager, IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory, IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<AppUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { IsActive: true } user ? user : null;
}

/// <summary>
/// Always marks the cookie Secure. Antiforgery's own SecurePolicy = Always refuses every request
/// that is not https, but ./run and the browser tests serve plain http on 127.0.0.1, which
/// browsers treat as a secure origin (they keep Secure and __Host- cookies from it). Anywhere else
/// plain http gets no cookie and so no form works: production must be served over https.
/// </summary>
public class AlwaysSecureCookieBuilder : CookieBuilder
{
    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = true;
        return options;
    }
}
