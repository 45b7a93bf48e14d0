using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Tests.Features.Accounts;

namespace Samverka.Tests.Features.Administration;

[Collection(AppCollection.Name)]
public class AccountAdminTests(SamverkaFactory app)
{
    /// <summary>A fresh account created through the invitation flow, so tests never change the shared demo accounts.</summary>
    private async Task<(string Email, string Id)> InvitedStaffAsync()
    {
        var email = AccountTestData.NewEmail("konto");
        var token = await app.InviteStaffAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().AcceptAsync(token, AccountTestData.NewPassword)).StatusCode);
        return (email, await app.UserIdAsync(email));
    }

    private static async Task<HttpResponseMessage> PostHandlerAsync(HttpClient client, string accountId, string handler, Dictionary<string, string>? fields = null)
    {
        var all = new Dictionary<string, string>(fields ?? []) { ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync("/") };
        return await client.PostAsync($"/admin/konton/{accountId}?handler={handler}", new FormUrlEncodedContent(all));
    }

    [Fact]
    public async Task Get_List_AdminSeesAll_RegionalOnlyTheirRegion()
    {
        var emails = (await (await app.SignedInAs(Roles.Admin)).GetDocumentAsync("/admin/konton"))
            .QuerySelectorAll("#k-caption ~ tbody tr td:nth-child(2)").Select(td => td.TextContent).ToList();
        Assert.Contains("ake.testberg@exempel.se", emails);
        Assert.Contains("maja.exempel@exempel.se", emails);

        var regional = (await (await app.SignedInAs(Roles.RegionalCoordinator)).GetDocumentAsync("/admin/konton"))
            .QuerySelectorAll("#k-caption ~ tbody tr td:nth-child(2)").Select(td => td.TextContent).ToList();
        Assert.Contains("maja.exempel@exempel.se", regional);
        Assert.Contains("hugo.testsson@exempel.se", regional);
        Assert.DoesNotContain("ake.testberg@exempel.se", regional);
        Assert.DoesNotContain("ella.prov@exempel.se", regional);
        Assert.DoesNotContain(SamverkaFactory.AdminEmail, regional);
    }

    [Fact]
    public async Task Regional_AccountOutsideRegion_Is404_AndCannotBeDeactivated()
    {
        var ake = await app.UserIdAsync("ake.testberg@exempel.se");
        var regional = await app.SignedInAs(Roles.RegionalCoordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await regional.GetAsync($"/admin/konton/{ake}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostHandlerAsync(regional, ake, "Deactivate")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == ake).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Admin_Deactivate_EndsSignIn_ChangesStamp_ThenActivate()
    {
        var (email, id) = await InvitedStaffAsync();
        var stamp = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());
        var admin = await app.SignedInAs(Roles.Admin);

        var response = await PostHandlerAsync(admin, id, "Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => new { u.IsActive, u.SecurityStamp }).SingleAsync());
        Assert.False(after.IsActive);
        Assert.NotEqual(stamp, after.SecurityStamp);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Anonymous().SignInAsync(email, AccountTestData.NewPassword)).StatusCode);
        Assert.Equal("Avaktiverat", (await admin.GetDocumentAsync($"/admin/konton/{id}")).QuerySelector(".facts dd:nth-of-type(2)")!.TextContent);

        Assert.Equal(HttpStatusCode.Redirect, (await PostHandlerAsync(admin, id, "Activate")).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().SignInAsync(email, AccountTestData.NewPassword)).StatusCode);
    }

    [Fact]
    public async Task Regional_DeactivatesStaffInOwnRegion_ButNotTheirOwnAccount()
    {
        var (_, id) = await InvitedStaffAsync(); // staff at Helsingborg, Skåne
        var regional = await app.SignedInAs(Roles.RegionalCoordinator);
        Assert.Equal(HttpStatusCode.Redirect, (await PostHandlerAsync(regional, id, "Deactivate")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));

        var self = await app.UserIdAsync(SamverkaFactory.Accounts[Roles.RegionalCoordinator]);
        var own = await PostHandlerAsync(regional, self, "Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.StartsWith("/konto/nekad", new Uri(regional.BaseAddress!, own.Headers.Location!).AbsolutePath);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == self).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Admin_DeactivatesAnAccountWhoseIdHasARunOfDigits_TheIdIsNotTakenForAPersonnummer()
    {
        // Identity's ids are random GUIDs; about 1 in 100 holds a run like "19121212-1212". This one does.
        const string id = "19121212-1212-4abc-8def-0123456789ab";
        var email = $"siffror.{UniqueText.Letters(16)}@exempel.se";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Samverka.Web.Features.Accounts.AppUser>>();
            var created = await users.CreateAsync(new Samverka.Web.Features.Accounts.AppUser { Id = id, UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Siffrig Testperson" }, SamverkaFactory.Password);
            Assert.True(created.Succeeded);
        }
        var admin = await app.SignedInAs(Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/konton/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostHandlerAsync(admin, id, "Deactivate")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Admin_AddsAndRemovesRole_RemovalEndsSessions()
    {
        var (_, id) = await InvitedStaffAsync();
        var admin = await app.SignedInAs(Roles.Admin);
        var add = await PostHandlerAsync(admin, id, "AddRole", new() { ["Input.Role"] = Roles.LibraryManager, ["Input.MunicipalityCode"] = "1280" });
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        var assignment = await app.WithDbAsync(db => db.RoleAssignments.SingleAsync(r => r.UserId == id && r.Role == Roles.LibraryManager));
        Assert.Equal("1280", assignment.MunicipalityCode);

        var duplicate = await PostHandlerAsync(admin, id, "AddRole", new() { ["Input.Role"] = Roles.LibraryManager, ["Input.MunicipalityCode"] = "1280" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal(["Kontot har redan den rollen."], (await duplicate.ToDocumentAsync()).ErrorMessages());

        var stamp = await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());
        var remove = await PostHandlerAsync(admin, id, "RemoveRole", new() { ["AssignmentId"] = assignment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.RoleAssignments.AnyAsync(r => r.Id == assignment.Id)));
        Assert.NotEqual(stamp, await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync()));
    }

    [Fact]
    public async Task Regional_CannotChangeRoles()
    {
        var (_, id) = await InvitedStaffAsync();
        var regional = await app.SignedInAs(Roles.RegionalCoordinator);
        var add = await PostHandlerAsync(regional, id, "AddRole", new() { ["Input.Role"] = Roles.Admin });
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.StartsWith("/konto/nekad", new Uri(regional.BaseAddress!, add.Headers.Location!).AbsolutePath);
        Assert.Equal([Roles.LibraryStaff], await app.WithDbAsync(db => db.RoleAssignments.Where(r => r.UserId == id).Select(r => r.Role).ToListAsync()));
        Assert.Null((await regional.GetDocumentAsync($"/admin/konton/{id}")).QuerySelector("#Input_Role"));
    }

    [Fact]
    public async Task Admin_CannotRemoveOwnAdminRole()
    {
        var self = await app.UserIdAsync(SamverkaFactory.AdminEmail);
        var assignment = await app.WithDbAsync(db => db.RoleAssignments.Where(r => r.UserId == self && r.Role == Roles.Admin).Select(r => r.Id).FirstAsync());
        var admin = await app.SignedInAs(Roles.Admin);
        var response = await PostHandlerAsync(admin, self, "RemoveRole", new() { ["AssignmentId"] = assignment.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Du kan inte ta bort din egen administratörsroll. Be en annan administratör."], (await response.ToDocumentAsync()).ErrorMessages());
        Assert.True(await app.WithDbAsync(db => db.RoleAssignments.AnyAsync(r => r.Id == assignment)));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        var (_, id) = await InvitedStaffAsync();
        var admin = await app.SignedInAs(Roles.Admin);
        var response = await admin.PostAsync($"/admin/konton/{id}?handler=Deactivate", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));
    }

    [Theory]
    [InlineData(Roles.LibraryManager)]
    [InlineData(Roles.LibraryStaff)]
    [InlineData(Roles.NationalCoordinator)]
    public async Task OtherRoles_CannotOpenAccountPages(string role)
    {
        var client = await app.SignedInAs(role);
        foreach (var url in new[] { "/admin/konton", "/admin/e-post" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/konto/nekad", new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath);
        }
    }
}
