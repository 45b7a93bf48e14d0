using Microsoft.EntityFrameworkCore;
using Samverka.Web.Features.Accounts;

namespace Samverka.Web.Features.Activities;

/// <summary>EF mapping of registrations, attendance and evaluations (migration 0006_registrations.sql).</summary>
internal static class RegistrationModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ActivityRegistration>(e =>
        {
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.RegisteredBy).HasMaxLength(256);
            e.Property(x => x.CancelTokenHash).HasMaxLength(64);
            e.HasIndex(x => x.CancelTokenHash).IsUnique();
            // One live registration per person and activity: the database decides a double submit.
            e.HasIndex(x => new { x.ActivityId, x.PersonId }).IsUnique().HasFilter("status <> 'Cancelled'");
            e.HasIndex(x => x.PersonId);
            e.HasOne(x => x.Activity).WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
            // Optional to EF although person_id is NOT NULL: the people filter (people are never public) must not make
            // registrations vanish from queries that reach the person. Seat counts and statistics count every registration;
            // a query that shows a person either ignores the filter on purpose or finds the person missing (then 404).
            e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).IsRequired(false).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SessionAttendance>(e =>
        {
            e.HasKey(x => new { x.RegistrationId, x.SessionId });
            e.HasOne(x => x.Registration).WithMany(r => r.Attendance).HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Session).WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ActivityEvaluation>(e =>
        {
            e.Property(x => x.Useful).HasMaxLength(2000);
            e.Property(x => x.Comment).HasMaxLength(2000);
            e.HasOne(x => x.Activity).WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });
        // Migration 0018_evaluation_reads.sql.
        b.Entity<EvaluationRead>(e =>
        {
            e.HasKey(x => new { x.UserId, x.ActivityId });
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.ActivityId);
        });
    }
}
