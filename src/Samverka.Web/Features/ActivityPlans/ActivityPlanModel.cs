using Microsoft.EntityFrameworkCore;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>EF mapping of activity plans, their areas, actions, outcomes and team (migration 0010_activity_plans.sql).</summary>
internal static class ActivityPlanModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ActivityPlan>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(200);
            e.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.CountyCode, x.StartDate });
        });
        b.Entity<DevelopmentArea>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasOne(x => x.Plan).WithMany(p => p.Areas).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AreaPartner>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasOne(x => x.Area).WithMany(a => a.Partners).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Municipality).WithMany().HasForeignKey(x => x.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SubGoal>(e =>
        {
            e.Property(x => x.Text).HasMaxLength(1000);
            e.HasOne(x => x.Area).WithMany(a => a.SubGoals).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PlannedAction>(e =>
        {
            e.Property(x => x.Text).HasMaxLength(1000);
            e.Property(x => x.StatusReason).HasMaxLength(1000);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.HasOne(x => x.Area).WithMany(a => a.Actions).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Responsible).WithMany().HasForeignKey(x => x.ResponsibleId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<PlannedActionLink>(e =>
        {
            e.HasOne(x => x.Action).WithMany(a => a.Links).HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Activity).WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Agreement).WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Round).WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AreaOutcome>(e =>
        {
            e.HasOne(x => x.Area).WithMany(a => a.Outcomes).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.AreaId, x.Year }).IsUnique();
        });
        b.Entity<AreaShare>(e =>
        {
            e.HasKey(x => new { x.AreaId, x.CountyCode });
            e.HasOne(x => x.Area).WithMany(a => a.SharedWith).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
            // "Which areas are shared with my region": the cross-region lookup.
            e.HasIndex(x => x.CountyCode);
        });
        b.Entity<TeamMember>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Responsibility).HasMaxLength(1000);
            e.HasOne(x => x.Plan).WithMany(p => p.Team).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<TeamMemberArea>(e =>
        {
            e.HasKey(x => new { x.MemberId, x.AreaId });
            e.HasOne(x => x.Member).WithMany(m => m.Areas).HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Area).WithMany(a => a.Responsible).HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<EmploymentPeriod>(e =>
        {
            e.Property(x => x.Note).HasMaxLength(200);
            e.HasOne(x => x.Member).WithMany(m => m.Periods).HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
