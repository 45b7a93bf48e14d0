using Microsoft.EntityFrameworkCore;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>EF mapping of library plans, reminders and plan surveys (migration 0009_plans_needs.sql).</summary>
internal static class LibraryPlanModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<LibraryPlan>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.AdoptedBy).HasMaxLength(200);
            e.Property(x => x.Url).HasMaxLength(500);
            e.Property(x => x.MunicipalityCode).HasMaxLength(4);
            e.Property(x => x.CountyCode).HasMaxLength(2);
            e.Property(x => x.Version).IsRowVersion();
            e.HasOne(x => x.Municipality).WithMany().HasForeignKey(x => x.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.File).WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<PlanReminder>(e =>
        {
            e.Property(x => x.Kind).HasMaxLength(20);
            e.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.PlanId, x.Kind, x.ValidTo }).IsUnique();
        });
        b.Entity<PlanSurvey>(e =>
        {
            e.Property(x => x.CountyCode).HasMaxLength(2);
            e.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PlanSurveyResponse>(e =>
        {
            e.Property(x => x.MunicipalityCode).HasMaxLength(4);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.HasOne(x => x.Survey).WithMany(s => s.Responses).HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Municipality).WithMany().HasForeignKey(x => x.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.SurveyId, x.MunicipalityCode }).IsUnique();
            e.HasIndex(x => x.TokenHash).IsUnique();
        });
    }
}
