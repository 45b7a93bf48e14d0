using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.MyWork;

/// <summary>What "Mitt arbete" adds to the app: the weekly digest, run by the reminder loop every hour.</summary>
public static class MyWorkFeature
{
    public static IServiceCollection AddMyWork(this IServiceCollection services) => services.AddReminderQueue<DigestQueue>();

    private sealed class DigestQueue(IServiceScopeFactory scopes, IConfiguration config) : IReminderQueue
    {
        public string Kind => "weekly-digest";
        public Task<int> QueueDueAsync(AppDbContext db, DateTimeOffset now, CancellationToken ct) =>
            Digest.QueueDueAsync(scopes, db, now, config["Samverka:PublicUrl"], ct);
    }
}
