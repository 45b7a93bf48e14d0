using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Samverka.Web.Data;

using Samverka.Web.Features.Accounts;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Agreements;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.SelfAssessment;
using Samverka.Web.Features.ActivityPlans;
using Samverka.Web.Features.LibraryPlans;

namespace Samverka.Web.Infrastructure;

/// <summary>Runs after migrations at every start: reference data, the first administrator, demo data.</summary>
public class StartupData(NpgsqlDataSource dataSource, AppDbContext db, UserManager<AppUser> users,
    IOptions<SamverkaOptions> options, ILogger<StartupData> logger)
{
    // Arbitrary constant shared by every Samverka instance; not the migrations' key.
    private const long AdvisoryLockKey = 0x5A4D_5645_524B_42;

    /// <summary>
    /// Instances starting together would each find no administrator and no libraries and insert them
    /// twice; the second insert then fails on a unique index and that instance does not start. A
    /// PostgreSQL advisory lock lets one instance at a time through; the next finds the data there.
    /// </summary>
    public async Task LoadAsync()
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({AdvisoryLockKey})", lockConnection))
            await take.ExecuteNonQueryAsync();
        try
        {
            await ReferenceData.LoadAsync(dataSource);
            var o = options.Value;
            await EnsureAdminAsync(o.AdminEmail, o.AdminPassword);
            if (o.DemoData)
                await DemoData.LoadAsync(db, users, o.DemoPassword, logger);
            if (o.DemoData) await AgreementDemoData.LoadAsync(db, logger);
            if (o.DemoData) await ActivityDemoData.LoadAsync(db, logger);
            await SelfAssessmentDemoData.LoadAsync(db, o.DemoData, logger);
            if (o.DemoData) await ActivityPlanDemoData.LoadAsync(db, logger);
            if (o.DemoData) await PlanDemoData.LoadAsync(db, logger);
            if (o.DemoData) await SharedPlanDemoData.LoadAsync(db, logger);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({AdvisoryLockKey})", lockConnection);
            await release.ExecuteNonQueryAsync();
        }
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
