using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using static Samverka.Tests.Security.ScopeSupport;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Agreements;

namespace Samverka.Tests.Features.Agreements;

/// <summary>Reminders two weeks before and when overdue, queued once and only once even with several instances.</summary>
[Collection(AppCollection.Name)]
public class AgreementReminderTests(SamverkaFactory app)
{
    private async Task<int> QueueAsync(DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await AgreementReminders.QueueDueAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), now);
    }

    private Task<List<OutboxMessage>> MailToAsync(string email) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task QueueDue_RunConcurrentlyByFourInstances_QueuesEachReminderOnce()
    {
        var client = await app.As(Sara);
        var email = $"kontakt.{UniqueText.Letters()}@exempel.se";
        var now = DateTimeOffset.UtcNow;
        var today = SwedishTimeZone.Today(now);
        // Follow-ups: half a year ago less a week (overdue), in a week (upcoming), and in half a year (not yet due).
        var from = today.AddMonths(-12).AddDays(7);
        var id = await client.CreateSignedAsync("Påminns " + UniqueText.Letters(), from.ToString("yyyy-MM-dd"), from.AddMonths(24).ToString("yyyy-MM-dd"),
            from.ToString("yyyy-MM-dd"), contactEmail: email);
        var followUps = (await app.AgreementAsync(id)).FollowUps.OrderBy(f => f.DueOn).ToList();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => QueueAsync(now))));

        var mail = await MailToAsync(email);
        Assert.Equal(2, mail.Count);
        Assert.Contains(mail, m => m.Subject.StartsWith("Försenad avstämning"));
        Assert.Contains(mail, m => m.Subject.StartsWith($"Avstämning {followUps[1].DueOn:yyyy-MM-dd}"));
        var claims = await app.WithDbAsync(db => db.FollowUpReminders.Where(r => r.FollowUp!.AgreementId == id)
            .Select(r => new { r.FollowUpId, r.Kind }).ToListAsync());
        Assert.Equal(2, claims.Count);
        Assert.Contains(claims, c => c.FollowUpId == followUps[0].Id && c.Kind == ReminderKind.Overdue);
        Assert.Contains(claims, c => c.FollowUpId == followUps[1].Id && c.Kind == ReminderKind.Upcoming);

        // The next rounds (an hour and a day later) queue nothing new for these follow-ups.
        await QueueAsync(now.AddHours(1));
        await Task.WhenAll(QueueAsync(now.AddDays(1)), QueueAsync(now.AddDays(1)));
        Assert.Equal(2, (await MailToAsync(email)).Count);

        // Once the upcoming follow-up's date has passed unrecorded, its overdue reminder goes out, once.
        var later = now.AddDays(10);
        await Task.WhenAll(QueueAsync(later), QueueAsync(later), QueueAsync(later));
        var after = await MailToAsync(email);
        Assert.Equal(3, after.Count);
        Assert.Equal(2, after.Count(m => m.Subject.StartsWith("Försenad avstämning")));
    }

    [Fact]
    public async Task QueueDue_RecordedFollowUpsAndDrafts_GetNoReminder()
    {
        var client = await app.As(Sara);
        var email = $"utkast.{UniqueText.Letters()}@exempel.se";
        var today = SwedishTimeZone.Today(DateTimeOffset.UtcNow);
        var from = today.AddMonths(-12).AddDays(7);
        await client.CreateDraftAsync(AgreementSupport.DraftFields("Utkast " + UniqueText.Letters(), from.ToString("yyyy-MM-dd"),
            from.AddMonths(24).ToString("yyyy-MM-dd"), contactEmail: email));
        await QueueAsync(DateTimeOffset.UtcNow);
        Assert.Empty(await MailToAsync(email));
    }

    [Fact]
    public async Task QueueDue_VersionReplacedByASignedAmendment_IsNotRemindedTwice()
    {
        var client = await app.As(Sara);
        var email = $"version.{UniqueText.Letters()}@exempel.se";
        var today = SwedishTimeZone.Today(DateTimeOffset.UtcNow);
        var from = today.AddMonths(-12).AddDays(7);
        var first = await client.CreateSignedAsync("Ändrad och påminns " + UniqueText.Letters(), from.ToString("yyyy-MM-dd"),
            from.AddMonths(24).ToString("yyyy-MM-dd"), from.ToString("yyyy-MM-dd"), contactEmail: email);
        var amend = await client.PostFormAsync($"/overenskommelser/{first}?handler=Amend", [], $"/overenskommelser/{first}");
        var second = int.Parse(amend.Headers.Location!.OriginalString.Split('/').Last());
        var signed = await client.SignAsync(second, today.ToString("yyyy-MM-dd"));
        Assert.True(signed.StatusCode == System.Net.HttpStatusCode.Redirect, string.Join(" | ", (await signed.ToDocumentAsync()).ErrorMessages()) + signed.StatusCode);

        await QueueAsync(DateTimeOffset.UtcNow);

        Assert.Equal(2, (await MailToAsync(email)).Count);
        var claimed = await app.WithDbAsync(db => db.FollowUpReminders.Where(r => r.FollowUp!.AgreementId == first || r.FollowUp!.AgreementId == second)
            .Select(r => r.FollowUp!.AgreementId).ToListAsync());
        Assert.All(claimed, agreementId => Assert.Equal(second, agreementId));
    }
}
