using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Features.Accounts;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.MyWork;

/// <summary>Accounts a test makes for itself, so what it counts depends on nothing another test did.</summary>
public static class TestAccounts
{
    /// <summary>A new account (password <see cref="SamverkaFactory.Password"/>) with role claims such as "regional:12" or "manager:1280".</summary>
    public static Task<(string Id, string Email)> CreateAccountAsync(this SamverkaFactory app, params string[] roles) =>
        app.CreateAccountAsync(roles, null);

    /// <param name="email">The account's address (a directory person's, to be that person); a new one when null.</param>
    public static async Task<(string Id, string Email)> CreateAccountAsync(this SamverkaFactory app, string[] roles, string? email)
    {
        email ??= $"{Security.ScopeSupport.Tag().ToLowerInvariant()}@exempel.se";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test Testsson", LockoutEnabled = true };
        var created = await users.CreateAsync(user, SamverkaFactory.Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(", ", created.Errors.Select(e => e.Description)));
        foreach (var role in roles) await app.AddRoleAsync(user.Id, role);
        return (user.Id, email);
    }

    /// <summary>"regional:12", "manager:1280", "staff:42".</summary>
    public static Task AddRoleAsync(this SamverkaFactory app, string userId, string role) => app.WithDbAsync(async db =>
    {
        var (name, value) = (role.Split(':')[0], role.Split(':')[1]);
        db.RoleAssignments.Add(new RoleAssignment
        {
            UserId = userId, Role = name,
            CountyCode = name == Roles.RegionalCoordinator ? value : null,
            MunicipalityCode = name == Roles.LibraryManager ? value : null,
            LibraryId = name == Roles.LibraryStaff ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : null,
        });
        return await db.SaveChangesAsync();
    });

    /// <summary>A fresh client signed in through the sign-in form (no cached client: the tests' clock may move).</summary>
    public static async Task<HttpClient> SignInAsync(this SamverkaFactory app, string email)
    {
        var client = app.Anonymous();
        var response = await client.PostFormAsync("/konto/logga-in", new() { ["Email"] = email, ["Password"] = SamverkaFactory.Password });
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        return client;
    }
}
