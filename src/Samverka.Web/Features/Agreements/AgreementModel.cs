using Microsoft.EntityFrameworkCore;

namespace Samverka.Web.Features.Agreements;

/// <summary>EF mapping of cooperation agreements (migration 0008_agreements.sql).</summary>
internal static class AgreementModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Agreement>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.RegistryNumber).HasMaxLength(50);
            e.Property(x => x.SignedPlace).HasMaxLength(100);
            // Amendments carry their first version's registry number, so only first versions must be unique.
            e.HasIndex(x => new { x.CountyCode, x.RegistryNumber }).IsUnique().HasFilter("amends_agreement_id IS NULL");
            e.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne(x => x.Amends).WithMany().HasForeignKey(x => x.AmendsAgreementId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.SignedFile).WithMany().HasForeignKey(x => x.SignedFileId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<AgreementParty>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.ContactName).HasMaxLength(200);
            e.Property(x => x.ContactEmail).HasMaxLength(254);
            e.Property(x => x.SignatoryName).HasMaxLength(200);
            e.Property(x => x.SignatoryTitle).HasMaxLength(200);
            e.Property(x => x.SignedFor).HasMaxLength(200);
            e.HasOne(x => x.Agreement).WithMany(a => a.Parties).HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Library).WithMany().HasForeignKey(x => x.LibraryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Municipality).WithMany().HasForeignKey(x => x.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SteeringDocument>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(300);
            e.HasOne(x => x.Agreement).WithMany(a => a.SteeringDocuments).HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CooperationArea>(e =>
        {
            e.Ignore(x => x.NeedList);
            e.HasOne(x => x.Agreement).WithMany(a => a.Areas).HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<CooperationAreaTheme>(e =>
        {
            e.HasKey(x => new { x.CooperationAreaId, x.ThemeId });
            e.HasOne(x => x.Area).WithMany(a => a.Themes).HasForeignKey(x => x.CooperationAreaId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Theme).WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AgreementFollowUp>(e =>
        {
            e.HasOne(x => x.Agreement).WithMany(a => a.FollowUps).HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.AgreementId, x.DueOn }).IsUnique();
        });
        b.Entity<FollowUpAreaProgress>(e =>
        {
            e.HasKey(x => new { x.FollowUpId, x.CooperationAreaId });
            e.Property(x => x.Progress).HasConversion<string>().HasMaxLength(10);
            e.HasOne(x => x.FollowUp).WithMany(f => f.Progress).HasForeignKey(x => x.FollowUpId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Area).WithMany().HasForeignKey(x => x.CooperationAreaId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<FollowUpReminder>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            e.HasOne(x => x.FollowUp).WithMany().HasForeignKey(x => x.FollowUpId).OnDelete(DeleteBehavior.Cascade);
            // Once and only once per follow-up and kind, whatever the number of instances.
            e.HasIndex(x => new { x.FollowUpId, x.Kind }).IsUnique();
        });
        b.Entity<ProjectAgreement>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(300);
            e.Property(x => x.FundingSource).HasMaxLength(200);
            e.HasOne(x => x.Agreement).WithMany(a => a.ProjectAgreements).HasForeignKey(x => x.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ProjectAgreementActivity>(e =>
        {
            e.HasKey(x => new { x.ProjectAgreementId, x.ActivityId });
            e.HasOne(x => x.ProjectAgreement).WithMany(p => p.Activities).HasForeignKey(x => x.ProjectAgreementId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Activity).WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
