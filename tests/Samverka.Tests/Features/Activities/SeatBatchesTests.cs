using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Activities;
using Samverka.Web.Infrastructure;
using Xunit.Abstractions;

namespace Samverka.Tests.Features.Activities;

/// <summary>
/// Seat decisions in batches (group commit): registrations that queue for one activity at the same time are decided
/// together, in one transaction, in arrival order; each keeps its own requester in the audit trail; a duplicate in a
/// batch costs only its own registration.
/// </summary>
[Collection(AppCollection.Name)]
public class SeatBatchesTests(SamverkaFactory app, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => ActivitySamples.SettleTestMailAsync(app);

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, int activityId, int personId) =>
        await client.PostAsJsonAsync($"/api/v1/activities/{activityId}/registrations", new { personId });

    [Fact]
    public async Task Burst_FromTwoAccounts_IsDecidedInSharedTransactions_AndEachAuditRowNamesItsOwnRequester()
    {
        var activityId = await ActivitySamples.CreateAsync(app, capacity: 10);
        var malmo = await ActivitySamples.PeopleAsync(app, 30, "Malmö stadsbibliotek");
        var kavlinge = await ActivitySamples.PeopleAsync(app, 30);
        var manager = await app.SignedInAs(Roles.LibraryManager); // Malmö's manager: Malmö's staff only
        var admin = await app.SignedInAs(Roles.Admin);

        var responses = await Task.WhenAll(
            malmo.Select(p => Task.Run(() => RegisterAsync(manager, activityId, p)))
                .Concat(kavlinge.Select(p => Task.Run(() => RegisterAsync(admin, activityId, p)))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        var rows = await app.WithDbAsync(db => db.ActivityRegistrations.AsNoTracking().Where(r => r.ActivityId == activityId)
            .Select(r => new { r.Id, r.PersonId, r.Status }).ToListAsync());
        Assert.Equal(10, rows.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(50, rows.Count(r => r.Status == RegistrationStatus.Waiting));
        // Arrival order across batches: every confirmed seat was decided before every waiting place.
        Assert.True(rows.Where(r => r.Status == RegistrationStatus.Confirmed).Max(r => r.Id) < rows.Where(r => r.Status == RegistrationStatus.Waiting).Min(r => r.Id));

        var ids = rows.Select(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var audit = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == nameof(ActivityRegistration) && e.Action == AuditLog.Actions.Create && ids.Contains(e.EntityId!))
            .Select(e => new { e.EntityId, e.UserEmail, e.OccurredAt }).ToListAsync());
        Assert.Equal(60, audit.Count);
        var person = rows.ToDictionary(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r => r.PersonId);
        foreach (var e in audit)
            Assert.Equal(malmo.Contains(person[e.EntityId!]) ? SamverkaFactory.Accounts[Roles.LibraryManager] : SamverkaFactory.Accounts[Roles.Admin], e.UserEmail);

        // One transaction decides many: its rows share the transaction's start time (now() in PostgreSQL).
        var transactions = audit.Select(e => e.OccurredAt).Distinct().Count();
        output.WriteLine($"60 registrations decided in {transactions} transactions");
        Assert.True(transactions < 60, $"every registration had a transaction of its own ({transactions})");
    }

    [Fact]
    public async Task SamePersonThreeTimesAtOnce_OnlyOneIsKept_TheOthersDecidedWithThemAreKept()
    {
        var activityId = await ActivitySamples.CreateAsync(app, capacity: 5);
        var people = await ActivitySamples.PeopleAsync(app, 12);
        var twice = people[0];
        var results = await Task.WhenAll(people.Concat([twice, twice]).Select(p => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return (Person: p, Result: await Registrations.RegisterAsync(db, activityId, p, null, DateTimeOffset.UtcNow, "https://localhost"));
        })));

        foreach (var (p, r) in results.Where(x => x.Person != twice)) Assert.True(r.Ok, r.Error);
        var forTwice = results.Where(x => x.Person == twice).Select(x => x.Result).ToList();
        Assert.Single(forTwice, r => r.Ok);
        Assert.All(forTwice.Where(r => !r.Ok), r =>
        {
            Assert.Equal(409, r.Status);
            Assert.Contains("är redan anmäld", r.Error, StringComparison.Ordinal);
        });
        var counts = await ActivitySamples.CountsAsync(app, activityId);
        Assert.Equal(5, counts[RegistrationStatus.Confirmed]);
        Assert.Equal(7, counts[RegistrationStatus.Waiting]);
        // Every waiting position told is a place on the list, each once.
        Assert.Equal(Enumerable.Range(1, 7), results.Select(x => x.Result).Where(r => r.Ok && r.WaitingPosition is not null)
            .Select(r => r.WaitingPosition!.Value).Order());
    }
}
