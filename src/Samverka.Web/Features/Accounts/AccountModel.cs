using Microsoft.EntityFrameworkCore;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Accounts;

/// <summary>EF mapping of the outbox and invitations (migration 0003_accounts.sql).</summary>
internal static class AccountModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<OutboxMessage>(e =>
        {
            e.Property(x => x.ToAddress).HasMaxLength(256);
            e.Property(x => x.Subject).HasMaxLength(300);
            e.Property(x => x.Delivery).HasMaxLength(10);
            e.Property(x => x.AttachmentName).HasMaxLength(255);
            e.Property(x => x.AttachmentContentType).HasMaxLength(100);
            // The sender's query: unsent messages that are due.
            e.HasIndex(x => x.NextAttemptAt).HasFilter("sent_at IS NULL");
        });

        b.Entity<Invitation>(e =>
        {
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(20);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.CreatedBy).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<County>().WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Library>().WithMany().HasForeignKey(x => x.LibraryId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
