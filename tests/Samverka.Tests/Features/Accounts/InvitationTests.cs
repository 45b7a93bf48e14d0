using System.Net;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Accounts;

namespace Samverka.Tests.Features.Accounts;

[Collection(AppCollection.Name)]
public class InvitationTests(SamverkaFactory app)
{
    [Fact]
    public async Task Invite_ThenAccept_CreatesAccountWithTheRole_AndTheLinkWorksOnce()
    {
        var email = AccountTestData.NewEmail();
        var library = await app.LibraryIdAsync("Helsingborgs stadsbibliotek");
        var token = await app.InviteStaffAsync(email);

        // Only the hash is stored; the raw token is in the e-mail alone.
        var invitation = await app.WithDbAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == email));
        Assert.Equal(InvitationTokens.Hash(token), invitation.TokenHash);
        Assert.DoesNotContain(token, invitation.TokenHash);
        Assert.Equal((Roles.LibraryStaff, (int?)library), (invitation.Role, invitation.LibraryId));
        Assert.InRange(invitation.ExpiresAt - invitation.CreatedAt, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));

        var invitee = app.Anonymous();
        var form = await invitee.GetAsync($"/konto/inbjudan/{token}");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(email, (await form.ToDocumentAsync()).QuerySelector("#Email")!.GetAttribute("value"));

        var tooShort = await invitee.AcceptAsync(token, "kort-losen");
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("Lösenordet måste ha minst 12 tecken.", (await tooShort.ToDocumentAsync()).ErrorMessages());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));

        var accepted = await invitee.AcceptAsync(token, AccountTestData.NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/konto/logga-in", accepted.Headers.Location!.OriginalString);

        var userId = await app.UserIdAsync(email);
        var roles = await app.WithDbAsync(db => db.RoleAssignments.Where(r => r.UserId == userId).Select(r => new { r.Role, r.LibraryId, r.CountyCode, r.MunicipalityCode }).ToListAsync());
        Assert.Equal([new { Role = Roles.LibraryStaff, LibraryId = (int?)library, CountyCode = (string?)null, MunicipalityCode = (string?)null }], roles);

        var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email, AccountTestData.NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/personer")).StatusCode);

        // The link has been used: refused, and no second account.
        var again = await app.Anonymous().GetAsync($"/konto/inbjudan/{token}");
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Equal("Inbjudan har redan använts", (await again.ToDocumentAsync()).QuerySelector("h1")!.TextContent);
        var replay = await invitee.PostAsync($"/konto/inbjudan/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DisplayName"] = "Någon annan", ["Password"] = "ett-helt-annat-losenord", ["ConfirmPassword"] = "ett-helt-annat-losenord",
            ["__RequestVerificationToken"] = await invitee.AntiforgeryTokenAsync("/konto/logga-in"),
        }));
        Assert.Equal(HttpStatusCode.Gone, replay.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Accept_MismatchedConfirmation_Returns400AndCreatesNothing()
    {
        var email = AccountTestData.NewEmail();
        var token = await app.InviteStaffAsync(email);
        var response = await app.Anonymous().AcceptAsync(token, AccountTestData.NewPassword, "en-helt-annan-fras-2026");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Lösenorden är inte likadana. Skriv samma lösenord två gånger."], (await response.ToDocumentAsync()).ErrorMessages());
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
        Assert.Null(await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == email).Select(i => i.AcceptedAt).SingleAsync()));
    }

    [Fact]
    public async Task Accept_ExpiredLink_Returns410AndCreatesNothing()
    {
        var email = AccountTestData.NewEmail("utgangen");
        var token = InvitationTokens.Create();
        var library = await app.LibraryIdAsync("Helsingborgs stadsbibliotek");
        await app.WithDbAsync(async db =>
        {
            var past = DateTimeOffset.UtcNow.AddDays(-8);
            db.Invitations.Add(new Invitation
            {
                Email = email, DisplayName = "Utgången Inbjudan", Role = Roles.LibraryStaff, LibraryId = library,
                TokenHash = InvitationTokens.Hash(token), CreatedAt = past, ExpiresAt = past.AddDays(7),
            });
            return await db.SaveChangesAsync();
        });

        var client = app.Anonymous();
        var page = await client.GetAsync($"/konto/inbjudan/{token}");
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var doc = await page.ToDocumentAsync();
        Assert.Equal("Inbjudan har gått ut", doc.QuerySelector("h1")!.TextContent);
        Assert.Null(doc.QuerySelector("#Password"));

        var post = await client.PostAsync($"/konto/inbjudan/{token}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["DisplayName"] = "X", ["Password"] = AccountTestData.NewPassword, ["ConfirmPassword"] = AccountTestData.NewPassword,
            ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync("/konto/logga-in"),
        }));
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Get_UnknownToken_Returns404WithSwedishPage()
    {
        var response = await app.Anonymous().GetAsync($"/konto/inbjudan/{InvitationTokens.Create()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Länken fungerar inte", (await response.ToDocumentAsync()).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Post_EmptyInvitation_Returns400WithMessagesAndStoresNothing()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var before = await app.WithDbAsync(db => db.Invitations.CountAsync());
        var response = await admin.InviteAsync("", "", name: "");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        // ModelState lists keys in its own order (shorter names first), so compare as sets.
        Assert.Equal(["Ange e-postadressen till den du bjuder in.", "Ange namnet på den du bjuder in.", "Välj en roll."], doc.ErrorMessages().Order());
        Assert.Equal(["#Input_DisplayName", "#Input_Email", "#Input_Role"], doc.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).Order());
        Assert.Equal(before, await app.WithDbAsync(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task Post_StaffWithoutLibrary_AndExistingAccount_AreRefused()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var noLibrary = await admin.InviteAsync(AccountTestData.NewEmail(), Roles.LibraryStaff);
        Assert.Equal(HttpStatusCode.BadRequest, noLibrary.StatusCode);
        Assert.Equal(["Välj bibliotek för bibliotekspersonalen."], (await noLibrary.ToDocumentAsync()).ErrorMessages());

        var existing = await admin.InviteAsync(SamverkaFactory.Accounts[Roles.LibraryManager], Roles.NationalCoordinator);
        Assert.Equal(HttpStatusCode.BadRequest, existing.StatusCode);
        Assert.Equal([$"Det finns redan ett konto med e-postadressen {SamverkaFactory.Accounts[Roles.LibraryManager]}."], (await existing.ToDocumentAsync()).ErrorMessages());
    }

    [Fact]
    public async Task Post_OrganisationFieldsTheRoleDoesNotUse_AreIgnored()
    {
        var email = AccountTestData.NewEmail();
        var admin = await app.SignedInAs(Roles.Admin);
        var library = await app.LibraryIdAsync("Helsingborgs stadsbibliotek");
        var response = await admin.InviteAsync(email, Roles.LibraryStaff, county: "12", municipality: "1280", library: library);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var invitation = await app.WithDbAsync(db => db.Invitations.SingleAsync(i => i.Email == email));
        Assert.Equal((null, null, (int?)library), (invitation.CountyCode, invitation.MunicipalityCode, invitation.LibraryId));
    }

    [Fact]
    public async Task Regional_InvitesManagerInOwnRegion()
    {
        var email = AccountTestData.NewEmail();
        var regional = await app.SignedInAs(Roles.RegionalCoordinator);
        var response = await regional.InviteAsync(email, Roles.LibraryManager, municipality: "1281");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var invitation = await app.WithDbAsync(db => db.Invitations.SingleAsync(i => i.Email == email));
        Assert.Equal((Roles.LibraryManager, "1281"), (invitation.Role, invitation.MunicipalityCode));
        Assert.Contains("bibliotekschef i Lund", (await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.ToAddress == email))).BodyText);
    }

    [Theory]
    [InlineData(Roles.LibraryManager, null, "1980", null, "Input.MunicipalityCode", "Kommunen ligger utanför din region.")]
    [InlineData(Roles.LibraryStaff, null, null, "Köpings bibliotek", "Input.LibraryId", "Biblioteket ligger utanför din region.")]
    [InlineData(Roles.Admin, null, null, null, "Input.Role", "Du kan bara bjuda in bibliotekschefer och bibliotekspersonal i din region.")]
    [InlineData(Roles.RegionalCoordinator, "12", null, null, "Input.Role", "Du kan bara bjuda in bibliotekschefer och bibliotekspersonal i din region.")]
    [InlineData(Roles.NationalCoordinator, null, null, null, "Input.Role", "Du kan bara bjuda in bibliotekschefer och bibliotekspersonal i din region.")]
    public async Task Regional_CannotInviteOutsideRegionOrAboveTheirRole(string role, string? county, string? municipality, string? libraryName, string field, string message)
    {
        var email = AccountTestData.NewEmail("utanfor");
        var library = libraryName is null ? (int?)null : await app.LibraryIdAsync(libraryName);
        var regional = await app.SignedInAs(Roles.RegionalCoordinator);
        var response = await regional.InviteAsync(email, role, county, municipality, library);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ToDocumentAsync();
        Assert.Equal([message], doc.ErrorMessages());
        Assert.Equal("#" + field.Replace('.', '_'), doc.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == email)));
        Assert.False(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == email)));
    }

    [Fact]
    public async Task Regional_InviteForm_OffersOnlyTheirRegion()
    {
        var doc = await (await app.SignedInAs(Roles.RegionalCoordinator)).GetDocumentAsync(AccountTestData.InvitePage);
        var roles = doc.QuerySelectorAll("#Input_Role option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToArray();
        Assert.Equal([Roles.LibraryManager, Roles.LibraryStaff], roles);
        Assert.Null(doc.QuerySelector("#Input_CountyCode"));
        var municipalities = doc.QuerySelectorAll("#Input_MunicipalityCode option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToArray();
        Assert.Equal(33, municipalities.Length);
        Assert.DoesNotContain("1980", municipalities);
    }

    [Theory]
    [InlineData(Roles.LibraryManager)]
    [InlineData(Roles.LibraryStaff)]
    [InlineData(Roles.NationalCoordinator)]
    public async Task OtherRoles_CannotInvite(string role)
    {
        var client = await app.SignedInAs(role);
        var page = await client.GetAsync(AccountTestData.InvitePage);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/konto/nekad", new Uri(client.BaseAddress!, page.Headers.Location!).AbsolutePath);

        var email = AccountTestData.NewEmail("nekad");
        var post = await client.PostAsync(AccountTestData.InvitePage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "X", ["Input.Role"] = Roles.LibraryStaff,
            ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync("/"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.Email == email)));
    }
}
