using System.Net;
using Samverka.Tests.Support;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Accounts;

namespace Samverka.Tests.Security;

/// <summary>Password rules (ASVS 5.0 L2) through the "Byt lösenord" page; a refused password changes nothing.</summary>
[Collection(AppCollection.Name)]
public class PasswordRulesTests(SamverkaFactory app)
{
    private static Task<HttpResponseMessage> Change(HttpClient client, string current, string next) =>
        client.PostFormAsync("/konto/losenord", new() { ["CurrentPassword"] = current, ["NewPassword"] = next });

    private async Task AssertRefused(string email, HttpClient client, string newPassword, string field, string message)
    {
        var response = await Change(client, SamverkaFactory.Password, newPassword);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Contains(message, doc.ErrorMessages());
        Assert.Equal($"#{field}", doc.QuerySelector($".error-summary a")!.GetAttribute("href"));
        Assert.Equal("true", doc.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.True(string.IsNullOrEmpty(doc.QuerySelector("#NewPassword")!.GetAttribute("value")));
        // Nothing changed: the old password still signs in, the refused one does not.
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().SignIn(email)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous().SignIn(email, newPassword)).StatusCode);
    }

    [Theory]
    [InlineData("sommar2024")]
    [InlineData("Lösenord1234")]
    [InlineData("HEJSAN123456")]
    [InlineData("qwertyuiop123")]
    [InlineData("123456789012")]
    [InlineData("password1234")]
    public async Task Post_CommonPassword_IsRefusedCaseInsensitively(string common)
    {
        var email = await app.CreateUserAsync();
        await AssertRefused(email, await app.SignedInClientAsync(email), common, "NewPassword",
            "Lösenordet är för vanligt och lätt att gissa. Välj ett annat, gärna en mening med flera ord.");
    }

    [Fact]
    public async Task Post_ElevenCharacters_IsRefused()
    {
        var email = await app.CreateUserAsync();
        await AssertRefused(email, await app.SignedInClientAsync(email), "grön-ek-tre", "NewPassword", "Lösenordet måste ha minst 12 tecken.");
    }

    [Fact]
    public async Task Post_PasswordContainingTheEmailName_IsRefused()
    {
        var email = await app.CreateUserAsync();
        var local = email.Split('@')[0];
        await AssertRefused(email, await app.SignedInClientAsync(email), local.ToUpperInvariant() + "!x", "NewPassword",
            "Lösenordet får inte innehålla din e-postadress.");
    }

    [Fact]
    public async Task Post_129Characters_IsRefused_128AreAccepted()
    {
        var email = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync(email);
        await AssertRefused(email, client, new string('å', 60) + new string('x', 69), "NewPassword", "Lösenordet får ha högst 128 tecken.");

        var longest = new string('å', 60) + new string('x', 68);
        var ok = await Change(client, SamverkaFactory.Password, longest);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().SignIn(email, longest)).StatusCode);
    }

    [Fact]
    public async Task Post_NoComposition_ASentenceOfLowercaseWordsIsAccepted()
    {
        var email = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync(email);
        var response = await Change(client, SamverkaFactory.Password, "blåbär i skogen om hösten");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/konto/losenord?klart=True", response.Path());
        var done = await client.GetDocumentAsync(response.Path());
        Assert.Contains("Ditt lösenord är bytt", done.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().SignIn(email, "blåbär i skogen om hösten")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous().SignIn(email)).StatusCode);
    }

    [Fact]
    public async Task Post_WrongCurrentPassword_IsRefused()
    {
        var email = await app.CreateUserAsync();
        var client = await app.SignedInClientAsync(email);
        var response = await Change(client, "inte-mitt-losenord", "ett helt nytt lösenord");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Equal(["Det nuvarande lösenordet stämmer inte."], doc.ErrorMessages());
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous().SignIn(email, "ett helt nytt lösenord")).StatusCode);
    }

    [Fact]
    public async Task Post_EmptyFields_AsksForBoth()
    {
        var email = await app.CreateUserAsync();
        var response = await Change(await app.SignedInClientAsync(email), "", "");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ToDocumentAsync()).ErrorMessages();
        Assert.Equal(2, errors.Length);
        Assert.Contains("Ange ditt nuvarande lösenord.", errors);
        Assert.Contains("Ange ett nytt lösenord.", errors);
    }

    [Fact]
    public void CommonPasswordList_IsShipped_WithHundredsOfLongEntries()
    {
        var lines = File.ReadAllLines(Path.Combine(Samverka.Web.Data.ReferenceData.Directory, "common-passwords.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.True(lines.Count(l => l.Length >= 12) >= 500, $"{lines.Count(l => l.Length >= 12)} entries of 12 or more characters");
        Assert.True(CommonPasswordValidator.IsCommon("LÖSENORD"));
        Assert.False(CommonPasswordValidator.IsCommon(SamverkaFactory.Password));
    }
}
