using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Samverka.Web.Infrastructure;

/// <summary>
/// One line of the audit trail (migration 0002_audit.sql). Written only by
/// <see cref="Samverka.Web.Infrastructure.AuditLog"/> with plain INSERTs; a trigger refuses UPDATE and
/// DELETE, so the application only ever reads these through EF.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? UserId { get; set; }
    /// <summary>Kept as text so the row still says who after the account is removed.</summary>
    public string? UserEmail { get; set; }
    public string? Ip { get; set; }
    public required string Action { get; set; }
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? CountyCode { get; set; }
    public string? MunicipalityCode { get; set; }
    public required string Summary { get; set; }
    /// <summary>JSON: {"Field": {"before": x, "after": y}}.</summary>
    public string? Changes { get; set; }
}

/// <summary>Kept out of AppDbContext so the audit mapping lives with the entity.</summary>
public class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.Property(x => x.OccurredAt).HasDefaultValueSql("now()");
        e.Property(x => x.Changes).HasColumnType("jsonb");
        // Indexes (newest first, by region, by record) are in the SQL file; EF never creates tables here.
    }
}
