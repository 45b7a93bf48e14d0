using Microsoft.EntityFrameworkCore;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Kb;

/// <summary>An uploaded KB file waiting for the person's confirmation after the preview. Its own record: not audited.</summary>
[NotAudited]
public class KbUpload
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public required string FileName { get; set; }
    public required byte[] Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>KB's library statistics (bibstat) for one library and measurement year: the figures Samverka uses.</summary>
public class LibraryStatistic
{
    public int LibraryId { get; set; }
    public Library? Library { get; set; }
    public int Year { get; set; }
    /// <summary>Staff employed, in persons (KB's variable <see cref="KbStatistics.PersonsVariable"/>).</summary>
    public decimal? StaffPersons { get; set; }
    /// <summary>Staff in full-time equivalents (årsverken, <see cref="KbStatistics.FullTimeVariable"/>).</summary>
    public decimal? StaffFullTime { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

public static class KbModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<KbUpload>(e =>
        {
            e.Property(x => x.FileName).HasMaxLength(255);
        });
        b.Entity<LibraryStatistic>(e =>
        {
            e.HasKey(x => new { x.LibraryId, x.Year });
            e.Property(x => x.StaffPersons).HasPrecision(9, 1);
            e.Property(x => x.StaffFullTime).HasPrecision(9, 2);
            e.Property(x => x.Source).HasMaxLength(200);
            e.HasOne(x => x.Library).WithMany().HasForeignKey(x => x.LibraryId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
