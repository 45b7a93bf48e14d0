using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Agreements;

/// <summary>What the agreements feature adds to the app: its follow-up reminders and its API (<see cref="AgreementsApi"/>).</summary>
public static class AgreementsFeature
{
    public static IServiceCollection AddAgreements(this IServiceCollection services) =>
        services.AddReminderQueue<FollowUpReminderQueue>();

    /// <summary>Follow-ups falling due (<see cref="AgreementReminders"/>), with links to the configured public address.</summary>
    private sealed class FollowUpReminderQueue(IConfiguration config) : IReminderQueue
    {
        public string Kind => "follow-up";
        public Task<int> QueueDueAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct) =>
            AgreementReminders.QueueDueAsync(db, now, ct, config["Samverka:PublicUrl"]);
    }
}
