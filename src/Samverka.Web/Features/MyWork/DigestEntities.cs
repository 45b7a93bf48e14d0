using Microsoft.EntityFrameworkCore;
using Samverka.Web.Features.Accounts;

namespace Samverka.Web.Features.MyWork;

/// <summary>An account that has chosen the weekly digest (under "Mina uppgifter"). No row: no digest.</summary>
public class DigestSubscription
{
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public DateTimeOffset SubscribedAt { get; set; }
}

/// <summary>
/// One account's digest for one ISO week: claimed once (unique per account and week, whatever the number of
/// instances), with the hash of the items looked at. Sent only when they differ from the previous week's;
/// a sent one keeps the SHA-256 of its unsubscribe token (the token itself is only in the e-mail).
/// </summary>
[Infrastructure.NotAudited]
public class WeeklyDigest
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int IsoYear { get; set; }
    public int IsoWeek { get; set; }
    public required string ItemsHash { get; set; }
    /// <summary>What the digest said, one "key=count" per item (for support: why was or wasn't it sent).</summary>
    public required string Summary { get; set; }
    public bool Sent { get; set; }
    public string? UnsubscribeTokenHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>EF mapping of the digest (migration 0017_weekly_digest.sql).</summary>
internal static class DigestModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DigestSubscription>(e =>
        {
            e.HasKey(x => x.UserId);
            e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<WeeklyDigest>(e =>
        {
            e.Property(x => x.ItemsHash).HasMaxLength(64);
            e.Property(x => x.UnsubscribeTokenHash).HasMaxLength(64);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            // Once per account and week, however many instances run the job.
            e.HasIndex(x => new { x.UserId, x.IsoYear, x.IsoWeek }).IsUnique();
            e.HasIndex(x => x.UnsubscribeTokenHash).IsUnique();
        });
    }
}
