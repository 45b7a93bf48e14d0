using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.Themes;

/// <summary>EF mapping of themes (migration 0005_activities.sql).</summary>
internal static class ThemeModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Theme>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100).UseCollation(AppDbContext.SwedishCollation);
            e.HasIndex(x => x.Name).IsUnique();
        });
    }
}
