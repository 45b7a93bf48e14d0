using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Accounts;

namespace Samverka.Tests.Security;

/// <summary>Session cookies and two-factor sign-in (TOTP), on the shared app.</summary>
[Collection(AppCollection.Name)]
public class SignInSecurityTests(SamverkaFactory app)
{
    private static string SetCookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), v => v.StartsWith(name + "=", StringComparison.Ordinal));

    private static void AssertHostCookie(string setCookie, string sameSite)
    {
        var attributes = setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.StartsWith("__Host-", setCookie);
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("path=/", attributes);
        Assert.Contains($"samesite={sameSite}", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_SignIn_SetsHostPrefixedSecureHttpOnlySameSiteCookies()
    {
        var email = await app.CreateUserAsync();
        var client = app.Anonymous();
        var form = await client.GetAsync("/konto/logga-in");
        AssertHostCookie(SetCookie(form, SignInSecurity.AntiforgeryCookie), "strict");

        var response = await client.SignIn(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = SetCookie(response, SignInSecurity.SessionCookie);
        AssertHostCookie(session, "lax");
        // A session cookie: gone when the browser closes (the idle timeout lives in the signed ticket).
        Assert.DoesNotContain("expires=", session, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> SharedKeyAsync(HttpClient client)
    {
        var doc = await client.GetDocumentAsync("/konto/tvastegsverifiering");
        var key = doc.QuerySelector(".secret-key")!.TextContent.Replace(" ", "");
        Assert.Contains($"secret={key.ToUpperInvariant()}", doc.QuerySelector(".otpauth-uri")!.TextContent);
        Assert.StartsWith("otpauth://totp/Samverka%3A", doc.QuerySelector(".otpauth-uri")!.TextContent);
        return key;
    }

    private static Task<HttpResponseMessage> PostCode(HttpClient client, string handler, string code) =>
        client.PostFormAsync($"/konto/tvastegsverifiering?handler={handler}", new() { ["Code"] = code }, "/konto/tvastegsverifiering");

    private Task<bool> TwoFactorEnabled(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TwoFactorEnabled).SingleAsync());

    [Fact]
    public async Task TwoFactor_EnableWithACode_ThenSignInAsksForTheCode()
    {
        var email = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync(email);
        var key = await SharedKeyAsync(client);
        Assert.Equal(key, await SharedKeyAsync(client)); // the same key until it is confirmed

        var wrong = await PostCode(client, "Enable", "000000" == Totp.Code(key) ? "111111" : "000000");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(["Koden stämmer inte. Kontrollera nyckeln och att telefonens klocka går rätt, och försök igen."], (await wrong.ToDocumentAsync()).ErrorMessages());
        var empty = await PostCode(client, "Enable", "12 34");
        Assert.Equal(["Ange den sexsiffriga koden från din autentiseringsapp."], (await empty.ToDocumentAsync()).ErrorMessages());
        Assert.False(await TwoFactorEnabled(email));

        var enable = await PostCode(client, "Enable", Totp.Code(key));
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        Assert.True(await TwoFactorEnabled(email));

        // Signing in now takes the password, then the code.
        var fresh = app.Anonymous();
        var password = await fresh.SignIn(email);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/konto/logga-in/kod", password.Path());
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/personer")).StatusCode);

        var badCode = await fresh.PostFormAsync("/konto/logga-in/kod", new() { ["Code"] = Totp.Code(key) == "999999" ? "888888" : "999999" });
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Equal(["Koden stämmer inte. Kontrollera att telefonens klocka går rätt och försök igen."], (await badCode.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/personer")).StatusCode);

        // The code that enabled it is used up; the app's next one.
        var code = Totp.NextCode(key);
        var signedIn = await fresh.PostFormAsync("/konto/logga-in/kod", new() { ["Code"] = code[..3] + " " + code[3..] });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/personer")).StatusCode);
    }

    [Fact]
    public async Task TotpCode_IsAcceptedOnlyOnce()
    {
        var email = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync(email);
        var key = await SharedKeyAsync(client);
        var enableCode = Totp.Code(key);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCode(client, "Enable", enableCode)).StatusCode);

        // The code that enabled it does not sign in: it has been used.
        var fresh = app.Anonymous();
        Assert.StartsWith("/konto/logga-in/kod", (await fresh.SignIn(email)).Path());
        var replay = await fresh.PostFormAsync("/konto/logga-in/kod", new() { ["Code"] = enableCode });
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal(["Koden har redan använts. Vänta på nästa kod."], (await replay.ToDocumentAsync()).ErrorMessages());
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/personer")).StatusCode);

        // The next code signs in once; a second session cannot reuse it.
        var next = Totp.NextCode(key);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.PostFormAsync("/konto/logga-in/kod", new() { ["Code"] = next })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/personer")).StatusCode);
        var other = app.Anonymous();
        await other.SignIn(email);
        var again = await other.PostFormAsync("/konto/logga-in/kod", new() { ["Code"] = next });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(["Koden har redan använts. Vänta på nästa kod."], (await again.ToDocumentAsync()).ErrorMessages());

        // Nor can it turn two-factor off.
        var disable = await PostCode(fresh, "Disable", next);
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Equal(["Koden har redan använts. Vänta på nästa kod."], (await disable.ToDocumentAsync()).ErrorMessages());
        Assert.True(await TwoFactorEnabled(email));
    }

    [Fact]
    public async Task TotpCode_TwoSessionsRacingWithOneCode_OnlyOneSignsIn()
    {
        var email = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync(email);
        var key = await SharedKeyAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCode(client, "Enable", Totp.Code(key))).StatusCode);

        var sessions = new[] { app.Anonymous(), app.Anonymous(), app.Anonymous() };
        foreach (var s in sessions) await s.SignIn(email);
        var tokens = await Task.WhenAll(sessions.Select(s => s.AntiforgeryTokenAsync("/konto/logga-in/kod")));
        var next = Totp.NextCode(key);
        var responses = await Task.WhenAll(sessions.Select((s, i) => s.PostAsync("/konto/logga-in/kod", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Code"] = next, ["__RequestVerificationToken"] = tokens[i] }))));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task TwoFactor_Disable_NeedsACode()
    {
        var email = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync(email);
        var key = await SharedKeyAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCode(client, "Enable", Totp.Code(key))).StatusCode);

        var missing = await PostCode(client, "Disable", "");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True(await TwoFactorEnabled(email));

        Assert.Equal(HttpStatusCode.Redirect, (await PostCode(client, "Disable", Totp.NextCode(key))).StatusCode);
        Assert.False(await TwoFactorEnabled(email));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().SignIn(email)).StatusCode);
        Assert.Equal("/", (await app.Anonymous().SignIn(email)).Path());
    }

    [Fact]
    public async Task CodeStep_WithoutAPasswordFirst_PointsBackToSignIn_AndSignsNobodyIn()
    {
        var client = app.Anonymous();
        var get = await client.GetAsync("/konto/logga-in/kod");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var doc = await get.ToDocumentAsync();
        Assert.Null(doc.QuerySelector("main form"));
        Assert.Equal("/konto/logga-in", doc.QuerySelector("main a[href^='/konto/logga-in']")!.GetAttribute("href"));
        var post = await client.PostFormAsync("/konto/logga-in/kod", new() { ["Code"] = "123456" }, "/konto/logga-in");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/personer")).StatusCode);
    }

    [Fact]
    public async Task Admin_WithoutTwoFactor_MustSetItUpBeforeAnythingElse()
    {
        var email = await app.CreateUserAsync(Roles.Admin);
        var client = await app.SignedInClientAsync(email);
        foreach (var url in new[] { "/", "/personer", "/bibliotek/ny" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/konto/tvastegsverifiering", response.Path());
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/libraries", new StringContent("{}"))).StatusCode);

        var setup = await client.GetDocumentAsync("/konto/tvastegsverifiering");
        Assert.Contains("Administratörer måste använda tvåstegsverifiering.", setup.QuerySelector("main")!.TextContent);
        var key = setup.QuerySelector(".secret-key")!.TextContent.Replace(" ", "");
        Assert.Equal(HttpStatusCode.Redirect, (await PostCode(client, "Enable", Totp.Code(key))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/personer")).StatusCode);
    }

    [Fact]
    public async Task Admin_PasswordAlone_IsNotEnough_AndTwoFactorCannotBeDisabled()
    {
        var password = app.Anonymous();
        var response = await password.SignIn(SamverkaFactory.AdminEmail);
        Assert.StartsWith("/konto/logga-in/kod", response.Path());
        Assert.Equal(HttpStatusCode.Redirect, (await password.GetAsync("/personer")).StatusCode);

        var admin = await app.SignedInAs(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/personer")).StatusCode);
        var page = await admin.GetDocumentAsync("/konto/tvastegsverifiering");
        Assert.Null(page.QuerySelector("form[action*=Disable]"));
        var disable = await PostCode(admin, "Disable", Totp.Code(app.AdminAuthenticatorKey));
        Assert.Equal(HttpStatusCode.BadRequest, disable.StatusCode);
        Assert.Equal(["Administratörer måste använda tvåstegsverifiering; den kan inte stängas av."], (await disable.ToDocumentAsync()).ErrorMessages());
        Assert.True(await TwoFactorEnabled(SamverkaFactory.AdminEmail));
    }
}
