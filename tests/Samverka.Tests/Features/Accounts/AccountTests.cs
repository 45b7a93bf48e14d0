using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Accounts;

namespace Samverka.Tests.Features.Accounts;

[Collection(AppCollection.Name)]
public class AccountTests(SamverkaFactory app)
{
    private const string WrongCredentials = "Fel e-postadress eller lösenord.";
    private const string LockedOut = "Kontot är tillfälligt låst efter för många misslyckade försök. Försök igen om en stund.";

    /// <summary>A throwaway account, so lockout tests never touch the shared demo accounts.</summary>
    private async Task<string> CreateUserAsync()
    {
        var email = $"lasning.{UniqueText.Letters(20)}@exempel.se";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Låsbar Testperson" }, SamverkaFactory.Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return email;
    }

    private static Task<HttpResponseMessage> SignIn(HttpClient client, string email, string password) =>
        client.PostFormAsync("/konto/logga-in", new() { ["Email"] = email, ["Password"] = password });

    [Fact]
    public async Task Post_WrongPassword_Returns400WithSwedishMessage()
    {
        var email = await CreateUserAsync();
        var response = await SignIn(app.Anonymous(), email, "fel-losenord-helt-klart");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Equal([WrongCredentials], doc.ErrorMessages());
        Assert.Equal(email, doc.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(doc.QuerySelector("#Password")!.GetAttribute("value")));
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith(Samverka.Web.Features.Accounts.SignInSecurity.SessionCookie + "="));
    }

    [Fact]
    public async Task Post_UnknownEmail_GivesTheSameMessageAsAWrongPassword()
    {
        var response = await SignIn(app.Anonymous(), "ingen.alls@exempel.se", "fel-losenord-helt-klart");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([WrongCredentials], (await response.ToDocumentAsync()).ErrorMessages());
    }

    [Fact]
    public async Task Post_EmptyFields_AsksForBoth()
    {
        var response = await SignIn(app.Anonymous(), "", "");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ToDocumentAsync()).ErrorMessages();
        Assert.Contains("Ange din e-postadress.", errors);
        Assert.Contains("Ange ditt lösenord.", errors);
    }

    [Fact]
    public async Task Post_FiveWrongPasswords_LockTheAccount_EvenForTheRightPassword()
    {
        var email = await CreateUserAsync();
        var client = app.Anonymous();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await SignIn(client, email, $"fel-losenord-nummer-{attempt}");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Equal([WrongCredentials], (await wrong.ToDocumentAsync()).ErrorMessages());
        }
        var fifth = await SignIn(client, email, "fel-losenord-nummer-5");
        Assert.Equal(HttpStatusCode.BadRequest, fifth.StatusCode);
        Assert.Equal([LockedOut], (await fifth.ToDocumentAsync()).ErrorMessages());

        var right = await SignIn(client, email, SamverkaFactory.Password);
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Equal([LockedOut], (await right.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/personer")).StatusCode);

        var user = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email)));
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Post_RightPassword_SignsInAndRedirectsToLocalReturnUrlOnly()
    {
        var email = await CreateUserAsync();
        var client = app.Anonymous();
        var response = await client.PostFormAsync("/konto/logga-in?returnUrl=%2Fpersoner", new() { ["Email"] = email.ToUpperInvariant(), ["Password"] = SamverkaFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/personer", response.Headers.Location!.OriginalString);

        var evil = await app.Anonymous().PostFormAsync("/konto/logga-in?returnUrl=https%3A%2F%2Fevil.example%2F", new() { ["Email"] = email, ["Password"] = SamverkaFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, evil.StatusCode);
        Assert.Equal("/", evil.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_SignOut_ClearsTheCookie()
    {
        var client = await app.SignedInAs(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/personer")).StatusCode);

        var response = await client.PostFormAsync("/konto/logga-ut", new());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cleared = response.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith(Samverka.Web.Features.Accounts.SignInSecurity.SessionCookie + "="));
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.OrdinalIgnoreCase);

        var after = await client.GetAsync("/personer");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/konto/logga-in", after.Headers.Location!.PathAndQuery());
    }

    [Fact]
    public async Task Post_SignOutFromTheHeaderButton_Works()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var doc = await client.GetDocumentAsync("/kommuner");
        var form = doc.QuerySelector("header form")!;
        Assert.Equal("/konto/logga-ut", form.GetAttribute("action"));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await client.PostAsync("/konto/logga-ut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/personer")).StatusCode);
    }

    [Fact]
    public async Task Post_SignOutWithoutToken_IsRefusedAndKeepsTheSession()
    {
        var client = await app.SignedInAs(Roles.Admin);
        var response = await client.PostAsync("/konto/logga-ut", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/personer")).StatusCode);
    }
}

internal static class UriPaths
{
    /// <summary>The path and query of a Location header, whether it is absolute or relative.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
