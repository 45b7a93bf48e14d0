using System.Text;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Samverka.Web.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityUserContext<AppUser>(options)
{
    /// <summary>ICU collation created by the first migration: sorts å, ä, ö after z.</summary>
    public const string SwedishCollation = "sv";

    public DbSet<County> Counties => Set<County>();
    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<Library> Libraries => Set<Library>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<County>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(2);
            e.Property(x => x.Name).UseCollation(SwedishCollation);
        });

        b.Entity<Municipality>(e =>
        {
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(4);
            e.Property(x => x.Name).UseCollation(SwedishCollation);
            e.HasOne(x => x.County).WithMany(c => c.Municipalities).HasForeignKey(x => x.CountyCode);
            e.HasGeneratedTsVectorColumn(x => x.SearchVector, "swedish", x => new { x.Name })
                .HasIndex(x => x.SearchVector).HasMethod("GIN");
        });

        b.Entity<Library>(e =>
        {
            e.Property(x => x.Name).UseCollation(SwedishCollation).HasMaxLength(200);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.HasOne(x => x.Municipality).WithMany(m => m.Libraries).HasForeignKey(x => x.MunicipalityCode);
            e.HasIndex(x => new { x.MunicipalityCode, x.Name }).IsUnique();
            e.HasGeneratedTsVectorColumn(x => x.SearchVector, "swedish", x => new { x.Name })
                .HasIndex(x => x.SearchVector).HasMethod("GIN");
        });

        b.Entity<Person>(e =>
        {
            e.Property(x => x.Name).UseCollation(SwedishCollation).HasMaxLength(200);
            e.Property(x => x.Email).HasMaxLength(254);
            e.HasIndex(x => x.Email).IsUnique();
            e.HasOne(x => x.Library).WithMany(l => l.People).HasForeignKey(x => x.LibraryId);
            e.HasGeneratedTsVectorColumn(x => x.SearchVector, "swedish", x => new { x.Name })
                .HasIndex(x => x.SearchVector).HasMethod("GIN");
        });

        b.Entity<AppUser>(e => e.Property(x => x.DisplayName).HasMaxLength(200));

        b.Entity<RoleAssignment>(e =>
        {
            e.Property(x => x.Role).HasMaxLength(20);
            e.HasOne(x => x.User).WithMany(u => u.RoleAssignments).HasForeignKey(x => x.UserId);
        });

        ApplySnakeCase(b);
    }

    /// <summary>PostgreSQL folds unquoted names to lower case; snake_case keeps hand-written SQL readable.</summary>
    private static void ApplySnakeCase(ModelBuilder b)
    {
        foreach (var entity in b.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            entity.SetTableName(Snake(table));
            foreach (var p in entity.GetProperties())
                p.SetColumnName(Snake(p.GetColumnName()));
            foreach (var k in entity.GetKeys())
                k.SetName(Snake(k.GetName()!));
            foreach (var fk in entity.GetForeignKeys())
                fk.SetConstraintName(Snake(fk.GetConstraintName()!));
            foreach (var ix in entity.GetIndexes())
                ix.SetDatabaseName(Snake(ix.GetDatabaseName()!));
        }
    }

    internal static string Snake(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) ||
                    (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
