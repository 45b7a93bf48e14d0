using Microsoft.EntityFrameworkCore;
using Samverka.Web.Features.Directory;

namespace Samverka.Web.Features.Programmes;

/// <summary>EF mapping of programmes, offerings, enrolments and reference groups (migration 0004_programmes.sql).</summary>
internal static class ProgrammeModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Programme>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Version).IsRowVersion();
        });
        b.Entity<ProgrammeRegion>(e =>
        {
            e.HasKey(x => new { x.ProgrammeId, x.CountyCode });
            e.HasOne(x => x.Programme).WithMany(p => p.Regions).HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ProgrammeFunding>(e =>
        {
            e.Property(x => x.Funder).HasMaxLength(200);
            e.HasOne(x => x.Programme).WithMany(p => p.Funding).HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ProgrammePartner>(e =>
        {
            e.HasOne(x => x.Programme).WithMany(p => p.Partners).HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Library).WithMany().HasForeignKey(x => x.LibraryId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ProgrammeId, x.LibraryId }).IsUnique();
        });
        b.Entity<Offering>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasOne(x => x.Programme).WithMany(p => p.Offerings).HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<County>().WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ProgrammeId, x.Name }).IsUnique();
        });
        b.Entity<EligibilityException>(e =>
        {
            e.HasOne(x => x.Offering).WithMany(o => o.Exceptions).HasForeignKey(x => x.OfferingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Municipality).WithMany().HasForeignKey(x => x.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.OfferingId, x.MunicipalityCode }).IsUnique();
        });
        b.Entity<Enrolment>(e =>
        {
            e.HasOne(x => x.Offering).WithMany(o => o.Enrolments).HasForeignKey(x => x.OfferingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Municipality).WithMany().HasForeignKey(x => x.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            // Two coordinators enrolling the same municipality at once yield one enrolment.
            e.HasIndex(x => new { x.OfferingId, x.MunicipalityCode, x.Year }).IsUnique();
        });
        b.Entity<ReferenceGroup>(e =>
        {
            e.HasOne(x => x.Programme).WithMany(p => p.ReferenceGroups).HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ProgrammeId, x.Year }).IsUnique();
        });
        b.Entity<ReferenceGroupMember>(e =>
        {
            e.Property(x => x.ExternalName).HasMaxLength(200);
            e.Property(x => x.RepresentativeName).HasMaxLength(200);
            e.HasOne(x => x.ReferenceGroup).WithMany(g => g.Members).HasForeignKey(x => x.ReferenceGroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Municipality).WithMany().HasForeignKey(x => x.MunicipalityCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Library).WithMany().HasForeignKey(x => x.LibraryId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
