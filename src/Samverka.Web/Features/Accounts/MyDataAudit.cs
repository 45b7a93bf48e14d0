using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Accounts;

/// <summary>One audit event as handed out in a person's data download.</summary>
public record MyAuditEvent(DateTimeOffset OccurredAt, string Action, string? EntityType, string? EntityId,
    string Summary, string? ByEmail, string? Ip, System.Text.Json.JsonElement? Changes);

/// <summary>
/// The audit events about one person, for their data download: those they caused, those about
/// their account and those about their directory entries.
/// </summary>
internal static class MyDataAudit
{
    public static async Task<List<MyAuditEvent>> EventsAsync(AppDbContext db, string userId, List<int> personIds, CancellationToken ct)
    {
        var people = personIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var rows = await db.AuditEvents.AsNoTracking().IgnoreQueryFilters()
            .Where(a => a.UserId == userId
                || (a.EntityType == nameof(AppUser) && a.EntityId == userId)
                || (a.EntityType == nameof(Person) && people.Contains(a.EntityId!)))
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .ToListAsync(ct);
        return rows.Select(a => new MyAuditEvent(a.OccurredAt, a.Action, a.EntityType, a.EntityId, a.Summary, a.UserEmail, a.Ip,
            a.Changes is null ? null : System.Text.Json.JsonDocument.Parse(a.Changes).RootElement.Clone())).ToList();
    }
}
