using Microsoft.EntityFrameworkCore;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Accounts;

namespace Samverka.Web.Features.SelfAssessment;

/// <summary>EF mapping of the self-assessment (migration 0007_self_assessment.sql).</summary>
internal static class SelfAssessmentModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AssessmentInstrument>(e =>
        {
            e.ToTable("sa_instruments");
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasIndex(x => x.VersionNumber).IsUnique();
            e.HasOne<AssessmentInstrument>().WithMany().HasForeignKey(x => x.BasedOnId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AssessmentItem>(e =>
        {
            e.ToTable("sa_items");
            e.Property(x => x.CompetenceCode).HasMaxLength(4);
            e.Property(x => x.Text).HasMaxLength(400);
            e.HasOne(x => x.Instrument).WithMany(i => i.Items).HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.InstrumentId, x.SortOrder }).IsUnique();
        });
        b.Entity<AssessmentRound>(e =>
        {
            e.ToTable("sa_rounds");
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.RegionalToken).HasMaxLength(64);
            e.HasIndex(x => x.RegionalToken).IsUnique();
            e.HasIndex(x => x.OpensOn);
            e.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Instrument).WithMany().HasForeignKey(x => x.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AssessmentLink>(e =>
        {
            e.ToTable("sa_links");
            e.Property(x => x.Token).HasMaxLength(64);
            e.HasIndex(x => x.Token).IsUnique();
            e.HasIndex(x => new { x.RoundId, x.LibraryId }).IsUnique();
            e.HasOne(x => x.Round).WithMany(r => r.Links).HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Library).WithMany().HasForeignKey(x => x.LibraryId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AssessmentResponse>(e =>
        {
            e.ToTable("sa_responses");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.MunicipalityCode).HasMaxLength(4);
            e.Property(x => x.JobTitle).HasMaxLength(40);
            e.Property(x => x.YearsBand).HasMaxLength(20);
            e.Property(x => x.OrganisationSize).HasMaxLength(20);
            e.HasIndex(x => x.RoundId);
            e.HasOne(x => x.Round).WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            // A library that is removed later keeps its responses, counted under the municipality.
            e.HasOne<Library>().WithMany().HasForeignKey(x => x.LibraryId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<AssessmentScore>(e =>
        {
            e.ToTable("sa_scores");
            e.HasKey(x => new { x.ResponseId, x.ItemId });
            e.HasOne(x => x.Response).WithMany(r => r.Scores).HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Item).WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<AssessmentDoneMark>(e =>
        {
            e.ToTable("sa_done_marks");
            e.HasKey(x => new { x.RoundId, x.UserId });
            e.HasOne<AssessmentRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
