using Microsoft.EntityFrameworkCore;

namespace Samverka.Web.Features.Needs;

/// <summary>EF mapping of needs, their answers and priority rounds (migrations 0009_plans_needs.sql, 0013_need_answers.sql).</summary>
internal static class NeedModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Need>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.AffectedGroups).HasMaxLength(500);
            e.Property(x => x.SourceDetail).HasMaxLength(300);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.CountyCode).HasMaxLength(2);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasOne(x => x.Theme).WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.MergedInto).WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<NeedSupporter>(e =>
        {
            e.HasKey(x => new { x.NeedId, x.UserEmail });
            e.Property(x => x.UserEmail).HasMaxLength(256);
            e.HasOne(x => x.Need).WithMany(n => n.Supporters).HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<NeedActivity>(e =>
        {
            e.HasKey(x => new { x.NeedId, x.ActivityId });
            e.HasOne(x => x.Need).WithMany(n => n.Activities).HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Activity).WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<NeedOffering>(e =>
        {
            e.HasKey(x => new { x.NeedId, x.OfferingId });
            e.HasOne(x => x.Need).WithMany(n => n.Offerings).HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Offering).WithMany().HasForeignKey(x => x.OfferingId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<NeedAgreement>(e =>
        {
            e.HasKey(x => new { x.NeedId, x.AgreementId });
            e.HasOne(x => x.Need).WithMany(n => n.Agreements).HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Agreement).WithMany().HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<NeedPlanAction>(e =>
        {
            e.HasKey(x => new { x.NeedId, x.PlannedActionId });
            e.HasOne(x => x.Need).WithMany(n => n.PlanActions).HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.PlannedAction).WithMany().HasForeignKey(x => x.PlannedActionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<PriorityRound>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Period).HasMaxLength(50);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
        });
        b.Entity<PriorityRoundRegion>(e =>
        {
            e.HasKey(x => new { x.RoundId, x.CountyCode });
            e.Property(x => x.CountyCode).HasMaxLength(2);
            e.HasOne(x => x.Round).WithMany(r => r.Regions).HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PriorityRoundNeed>(e =>
        {
            e.HasKey(x => new { x.RoundId, x.NeedId });
            e.HasOne(x => x.Round).WithMany(r => r.Needs).HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Need).WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PriorityBallot>(e =>
        {
            e.Property(x => x.UserEmail).HasMaxLength(256);
            e.HasOne(x => x.Round).WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.RoundId, x.UserEmail }).IsUnique();
        });
        b.Entity<PriorityPoints>(e =>
        {
            e.HasKey(x => new { x.BallotId, x.NeedId });
            e.HasOne(x => x.Ballot).WithMany(x => x.Points).HasForeignKey(x => x.BallotId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Need).WithMany().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
