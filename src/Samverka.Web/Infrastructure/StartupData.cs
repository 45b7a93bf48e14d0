using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Samverka.Web.Data;

namespace Samverka.Web.Infrastructure;

/// <summary>Runs after migrations at every start: reference data, the first administrator, demo data.</summary>
public class StartupData(NpgsqlDataSource dataSource, AppDbContext db, UserManager<AppUser> users,
    IOptions<SamverkaOptions> options, ILogger<StartupData> logger)
{
    public async Task LoadAsync()
    {
        await ReferenceData.LoadAsync(dataSource);
        var o = options.Value;
        await EnsureAdminAsync(o.AdminEmail, o.AdminPassword);
        if (o.DemoData)
            await DemoData.LoadAsync(db, users, o.DemoPassword, logger);
    }

    private async Task EnsureAdminAsync(string? email, string? password)
    {
        if (string.IsNullOrWhiteSpace(email)) return;
        if (await users.FindByEmailAsync(email) is not null) return;
        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("Samverka:AdminEmail is set but Samverka:AdminPassword is not; no administrator created");
            return;
        }
        var admin = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administratör", LockoutEnabled = true };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
            throw new InvalidOperationException("The first administrator could not be created: " +
                string.Join(" ", result.Errors.Select(e => e.Description)));
        db.RoleAssignments.Add(new RoleAssignment { UserId = admin.Id, Role = Roles.Admin });
        await db.SaveChangesAsync();
        logger.LogInformation("Administrator {Email} created", email);
    }
}
