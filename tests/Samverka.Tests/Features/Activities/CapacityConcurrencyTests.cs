using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Xunit.Abstractions;
using Samverka.Web.Features.Activities;

namespace Samverka.Tests.Features.Activities;

/// <summary>
/// Exact capacity under real parallelism: every registration and cancellation runs on its own DbContext
/// and connection at the same time (Task.WhenAll), as simultaneous requests would.
/// </summary>
[Collection(AppCollection.Name)]
public class CapacityConcurrencyTests(SamverkaFactory app, ITestOutputHelper output) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => ActivitySamples.SettleTestMailAsync(app);

    private async Task<RegistrationResult> RegisterAsync(int activityId, int personId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await Registrations.RegisterAsync(db, activityId, personId, null, DateTimeOffset.UtcNow, "https://localhost");
    }

    private async Task<RegistrationResult> CancelAsync(int registrationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await Registrations.CancelAsync(db, registrationId, DateTimeOffset.UtcNow, "https://localhost");
    }

    private Task<List<ActivityRegistration>> RowsAsync(int activityId) =>
        app.WithDbAsync(db => db.ActivityRegistrations.AsNoTracking().Where(r => r.ActivityId == activityId).OrderBy(r => r.Id).ToListAsync());

    [Fact]
    public async Task Register_200Simultaneous_For20Seats_Exactly20ConfirmedAnd180WaitingInOrder_CancellingPromotesNext()
    {
        var activityId = await ActivitySamples.CreateAsync(app, capacity: 20);
        var people = await ActivitySamples.PeopleAsync(app, 200);

        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(people.Select(p => Task.Run(() => RegisterAsync(activityId, p))));
        clock.Stop();

        Assert.All(results, r => Assert.True(r.Ok, r.Error));
        var rows = await RowsAsync(activityId);
        var confirmed = rows.Where(r => r.Status == RegistrationStatus.Confirmed).ToList();
        var waiting = rows.Where(r => r.Status == RegistrationStatus.Waiting).ToList();
        output.WriteLine($"200 simultaneous registrations for 20 seats: {confirmed.Count} confirmed, {waiting.Count} waiting, {clock.ElapsedMilliseconds} ms");
        Assert.Equal(20, confirmed.Count);
        Assert.Equal(180, waiting.Count);
        // In order: every confirmed registration arrived (took the lock, drew its id) before every waiting one,
        // and the waiting positions reported to each registrant are 1..180 in arrival order.
        Assert.True(confirmed.Max(r => r.Id) < waiting.Min(r => r.Id));
        var positions = results.Where(r => r.Registration!.Status == RegistrationStatus.Waiting)
            .OrderBy(r => r.Registration!.Id).Select(r => r.WaitingPosition!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, 180), positions);

        // Cancelling 5 at once promotes exactly the next 5 on the waiting list.
        clock.Restart();
        var cancels = await Task.WhenAll(confirmed.Take(5).Select(r => Task.Run(() => CancelAsync(r.Id))));
        clock.Stop();
        Assert.All(cancels, c => Assert.True(c.Ok, c.Error));
        var after = await RowsAsync(activityId);
        var promoted = after.Where(r => r.PromotedAt != null).Select(r => r.Id).Order().ToList();
        output.WriteLine($"5 simultaneous cancellations: {promoted.Count} promoted ({clock.ElapsedMilliseconds} ms)");
        foreach (var r in after.Where(r => r.Id <= waiting[6].Id || r.PromotedAt != null))
            output.WriteLine($"{r.Id} {r.Status} created {r.CreatedAt:HH:mm:ss.ffffff} promoted {r.PromotedAt:HH:mm:ss.ffffff} cancelled {r.CancelledAt:HH:mm:ss.ffffff}");
        Assert.Equal(waiting.Take(5).Select(r => r.Id), promoted);
        Assert.Equal(20, after.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(175, after.Count(r => r.Status == RegistrationStatus.Waiting));
        // Each promoted person gets an e-mail with the calendar file, queued in the same transaction.
        var promotedEmails = await app.WithDbAsync(db => db.ActivityRegistrations.IgnoreQueryFilters().Where(r => promoted.Contains(r.Id)).Select(r => r.Person!.Email).ToListAsync());
        foreach (var email in promotedEmails)
            Assert.Contains(await ActivitySamples.MailToAsync(app, email), m => m.Subject.StartsWith("Du har fått en plats", StringComparison.Ordinal) && m.AttachmentContent != null);
    }

    [Fact]
    public async Task RegisterAndCancel_Racing_NeverExceedCapacity()
    {
        var activityId = await ActivitySamples.CreateAsync(app, capacity: 20);
        var people = await ActivitySamples.PeopleAsync(app, 120);
        foreach (var p in people.Take(40)) Assert.True((await RegisterAsync(activityId, p)).Ok);
        var confirmed = (await RowsAsync(activityId)).Where(r => r.Status == RegistrationStatus.Confirmed).Select(r => r.Id).ToList();

        // A watcher counts confirmed seats over and over while 15 cancellations and 80 registrations race.
        var maxSeen = 0;
        var watching = true;
        var watcher = Task.Run(async () =>
        {
            while (Volatile.Read(ref watching))
            {
                var n = await app.WithDbAsync(db => db.ActivityRegistrations.CountAsync(r => r.ActivityId == activityId && r.Status == RegistrationStatus.Confirmed));
                maxSeen = Math.Max(maxSeen, n);
            }
        });
        var clock = Stopwatch.StartNew();
        var work = confirmed.Take(15).Select(id => Task.Run(async () => (await CancelAsync(id)).Ok))
            .Concat(people.Skip(40).Select(p => Task.Run(async () => (await RegisterAsync(activityId, p)).Ok)));
        var oks = await Task.WhenAll(work);
        clock.Stop();
        Volatile.Write(ref watching, false);
        await watcher;

        Assert.All(oks, Assert.True);
        var rows = await RowsAsync(activityId);
        output.WriteLine($"15 cancellations racing 80 registrations ({clock.ElapsedMilliseconds} ms): {rows.Count(r => r.Status == RegistrationStatus.Confirmed)} confirmed, "
            + $"{rows.Count(r => r.Status == RegistrationStatus.Waiting)} waiting, highest confirmed count seen {maxSeen}");
        Assert.Equal(20, rows.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(120 - 20 - 15, rows.Count(r => r.Status == RegistrationStatus.Waiting));
        Assert.InRange(maxSeen, 1, 20);
    }

    /// <summary>
    /// The e-mails are prepared before the seat is decided (outside the lock): the waiting one still names the
    /// position decided under the lock, the confirmation carries the .ics; a cancelled activity takes no more.
    /// </summary>
    [Fact]
    public async Task Register_MailsPreparedBeforeTheLock_NameTheDecidedPlace_CancelledActivityRefuses()
    {
        var activityId = await ActivitySamples.CreateAsync(app, capacity: 1);
        var people = await ActivitySamples.PeopleAsync(app, 3);
        var results = new List<RegistrationResult>();
        foreach (var p in people) results.Add(await RegisterAsync(activityId, p));
        Assert.Equal([null, 1, 2], results.Select(r => r.WaitingPosition));
        var emails = await app.WithDbAsync(db => db.People.IgnoreQueryFilters().Where(p => people.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Email).ToListAsync());
        var first = Assert.Single(await ActivitySamples.MailToAsync(app, emails[0]));
        Assert.StartsWith("Anmälan bekräftad", first.Subject, StringComparison.Ordinal);
        Assert.Equal("text/calendar", first.AttachmentContentType);
        Assert.NotNull(first.AttachmentContent);
        var third = Assert.Single(await ActivitySamples.MailToAsync(app, emails[2]));
        Assert.Contains("Du står på reservlistan som nummer 2.", third.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("{", third.BodyText, StringComparison.Ordinal);
        Assert.Null(third.AttachmentContent);

        var late = await ActivitySamples.PeopleAsync(app, 1);
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE activities SET status = 'Cancelled' WHERE id = {activityId}"));
        var refused = await RegisterAsync(activityId, late[0]);
        Assert.Equal(400, refused.Status);
        Assert.Equal(3, (await RowsAsync(activityId)).Count);
    }
}
