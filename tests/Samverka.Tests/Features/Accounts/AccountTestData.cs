using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.Accounts;

/// <summary>Helpers shared by the account tests: inviting through the form and reading the link from the outbox.</summary>
public static partial class AccountTestData
{
    public const string InvitePage = "/admin/konton/bjud-in";
    public const string NewPassword = "en-alldeles-egen-fras-2026";

    /// <summary>Unique, and letters only: a run of digits from a GUID can look like a personnummer, which forms refuse.</summary>
    public static string NewEmail(string prefix = "inbjuden") =>
        $"{prefix}.{new string(Guid.NewGuid().ToString("N").Select(c => char.IsDigit(c) ? (char)('g' + (c - '0')) : c).ToArray())}@exempel.se";

    public static Task<int> LibraryIdAsync(this SamverkaFactory app, string name) =>
        app.WithDbAsync(db => db.Libraries.Where(l => l.Name == name).Select(l => l.Id).SingleAsync());

    public static Task<string> UserIdAsync(this SamverkaFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static async Task<HttpResponseMessage> InviteAsync(this HttpClient client, string email, string role,
        string? county = null, string? municipality = null, int? library = null, string name = "Inbjuden Testperson")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = name, ["Input.Role"] = role,
            ["Input.CountyCode"] = county ?? "", ["Input.MunicipalityCode"] = municipality ?? "",
            ["Input.LibraryId"] = library?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
        return await client.PostFormAsync(InvitePage, fields);
    }

    /// <summary>The token in the invitation e-mail to <paramref name="email"/>, read from the outbox.</summary>
    public static async Task<string> InvitationTokenAsync(this SamverkaFactory app, string email)
    {
        var message = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == email));
        var match = LinkRegex().Match(message.BodyText);
        Assert.True(match.Success, "No invitation link in: " + message.BodyText);
        return match.Groups[1].Value;
    }

    /// <summary>An administrator invites <paramref name="email"/> as staff of Helsingborgs stadsbibliotek; returns the link's token.</summary>
    public static async Task<string> InviteStaffAsync(this SamverkaFactory app, string email)
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var response = await admin.InviteAsync(email, Roles.LibraryStaff, library: await app.LibraryIdAsync("Helsingborgs stadsbibliotek"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await app.InvitationTokenAsync(email);
    }

    public static Task<HttpResponseMessage> AcceptAsync(this HttpClient client, string token, string password, string? confirm = null, string name = "Inbjuden Testperson") =>
        client.PostFormAsync($"/konto/inbjudan/{token}", new()
        {
            ["DisplayName"] = name, ["Password"] = password, ["ConfirmPassword"] = confirm ?? password,
        });

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/konto/logga-in", new() { ["Email"] = email, ["Password"] = password });

    [GeneratedRegex(@"/konto/inbjudan/([A-Za-z0-9_-]{43})")]
    private static partial Regex LinkRegex();
}
