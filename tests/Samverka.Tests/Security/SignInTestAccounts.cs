using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Accounts;

namespace Samverka.Tests.Security;

/// <summary>Throwaway accounts for sign-in tests, so lockouts, password changes and deactivation never touch the demo accounts.</summary>
internal static class SignInTestAccounts
{
    public static async Task<string> CreateUserAsync(this SamverkaFactory app, string? role = null)
    {
        var email = $"sakerhet.{UniqueText.Letters(20)}@exempel.se";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Säker Testperson", LockoutEnabled = true };
        var result = await users.CreateAsync(user, SamverkaFactory.Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role });
            await db.SaveChangesAsync();
        }
        return email;
    }

    public static Task<HttpResponseMessage> SignIn(this HttpClient client, string email, string password = SamverkaFactory.Password) =>
        client.PostFormAsync("/konto/logga-in", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>A client signed in with the password alone (the account has no second factor).</summary>
    public static async Task<HttpClient> SignedInClientAsync(this SamverkaFactory app, string email)
    {
        var client = app.Anonymous();
        var response = await client.SignIn(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static string Path(this HttpResponseMessage response) =>
        response.Headers.Location is not { } l ? "" : l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString;
}
