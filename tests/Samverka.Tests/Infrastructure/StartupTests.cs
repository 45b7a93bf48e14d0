using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Infrastructure;

/// <summary>
/// Several instances on one database, as in a deployment with more than one replica: start-up
/// (migrations, reference data, first administrator, demo data) must be safe to run at the same
/// time, and a cookie from one instance must be valid on the others.
/// </summary>
public class StartupTests
{
    /// <summary>The real app against a database it does not own, configured like <see cref="SamverkaFactory"/>.</summary>
    private sealed class Instance(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Samverka:AdminEmail", SamverkaFactory.AdminEmail);
            builder.UseSetting("Samverka:AdminPassword", SamverkaFactory.Password);
            builder.UseSetting("Samverka:DemoData", "true");
            builder.UseSetting("Samverka:DemoPassword", SamverkaFactory.Password);
        }

        public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
        {
            await using var scope = Services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }
    }

    [Fact]
    public async Task Start_ThreeInstancesAtOnceOnAnEmptyDatabase_AllStartAndLoadDataOnce()
    {
        await using var database = await TestDatabase.CreateAsync("startup");
        var instances = Enumerable.Range(0, 3).Select(_ => new Instance(database.ConnectionString)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(i => Task.Run(() => i.Services)));

            var first = instances[0];
            Assert.Equal(290, await first.WithDbAsync(db => db.Municipalities.CountAsync()));
            // 10 demo libraries, and 4 Västmanland libraries the demo workshops of seed 004 add (ActivityDemoData).
            Assert.Equal(14, await first.WithDbAsync(db => db.Libraries.CountAsync()));
            Assert.Equal(1, await first.WithDbAsync(db => db.Users.CountAsync(u => u.Email == SamverkaFactory.AdminEmail)));
            Assert.Equal(1, await first.WithDbAsync(db => db.RoleAssignments.CountAsync(r => r.Role == Roles.Admin)));

            // Every instance needs a key at once (antiforgery cookies) while the key ring is still empty:
            // each may create its own. A cookie from one must still be recognised by the others.
            await Task.WhenAll(instances.Select(i => i.CreateClient().GetAsync("/konto/logga-in")));
            Assert.True(await first.WithDbAsync(db => db.DataProtectionKeys.CountAsync()) >= 1);

            // https: the cookies are Secure. A regional coordinator: administrators need a second factor.
            var client = instances[1].CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
            var signIn = await client.PostFormAsync("/konto/logga-in", new() { ["Email"] = SamverkaFactory.Accounts[Roles.RegionalCoordinator], ["Password"] = SamverkaFactory.Password });
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0]).Where(c => c.StartsWith(Samverka.Web.Features.Accounts.SignInSecurity.SessionCookie + "=")));
            foreach (var other in new[] { instances[0], instances[2] })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/personer");
                request.Headers.Add("Cookie", cookie);
                var response = await other.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }
        finally
        {
            foreach (var i in instances) await i.DisposeAsync();
        }
    }
}
