using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>What the library-plan register adds to the app: its reminders and its API (<see cref="LibraryPlansApi"/>).</summary>
public static class LibraryPlansFeature
{
    public static IServiceCollection AddLibraryPlans(this IServiceCollection services) =>
        services.AddReminderQueue<LibraryPlanReminderQueue>();

    /// <summary>Plans about to stop being in force (<see cref="PlanReminders"/>).</summary>
    private sealed class LibraryPlanReminderQueue : IReminderQueue
    {
        public string Kind => "library-plan";
        public Task<int> QueueDueAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct) => PlanReminders.QueueDueAsync(db, now, ct);
    }
}
