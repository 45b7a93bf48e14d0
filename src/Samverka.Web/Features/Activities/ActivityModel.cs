using Microsoft.EntityFrameworkCore;
using Samverka.Web.Features.Themes;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Activities;

/// <summary>EF mapping of activities, their sessions, themes and organisers (migration 0005_activities.sql).</summary>
internal static class ActivityModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Activity>(e =>
        {
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Place).HasMaxLength(300);
            e.Property(x => x.OnlineUrl).HasMaxLength(500);
            e.Property(x => x.TargetGroup).HasMaxLength(300);
            e.Property(x => x.DevelopmentArea).HasMaxLength(200);
            e.HasIndex(x => x.Uid).IsUnique();
            e.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.OrganiserLibrary).WithMany().HasForeignKey(x => x.OrganiserLibraryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<ActivitySession>(e =>
        {
            e.HasOne(x => x.Activity).WithMany(a => a.Sessions).HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
            // The calendar's query: sessions from a date on.
            e.HasIndex(x => x.Date);
        });
        b.Entity<ActivityTheme>(e =>
        {
            e.HasKey(x => new { x.ActivityId, x.ThemeId });
            e.HasOne(x => x.Activity).WithMany(a => a.Themes).HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Theme).WithMany().HasForeignKey(x => x.ThemeId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ActivityOrganiser>(e =>
        {
            e.Property(x => x.PartnerName).HasMaxLength(200);
            e.HasOne(x => x.Activity).WithMany(a => a.CoOrganisers).HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Library).WithMany().HasForeignKey(x => x.LibraryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.County).WithMany().HasForeignKey(x => x.CountyCode).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
