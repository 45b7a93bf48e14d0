using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Accounts;

namespace Samverka.Tests.Data;

[Collection(AppCollection.Name)]
public class SchemaTests(SamverkaFactory app)
{
    /// <summary>Every entity the model knows must query cleanly against the schema the SQL files built.</summary>
    [Fact]
    public async Task EveryEntity_QueriesCleanlyAgainstMigratedSchema()
    {
        var checkedTypes = await app.WithDbAsync(async db =>
        {
            var names = new List<string>();
            foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned()))
            {
                var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                    .MakeGenericMethod(entity.ClrType).Invoke(db, null)!;
                await set.Take(1).ToListAsync();
                names.Add(entity.ClrType.Name);
            }
            return names;
        });
        Assert.Contains(nameof(Library), checkedTypes);
        Assert.Contains(nameof(AppUser), checkedTypes);
        Assert.True(checkedTypes.Count >= 10, $"Only {checkedTypes.Count} entity types checked");
    }

    /// <summary>Building the model (as every start does) logs no warning: a warning printed on each start is a cause to fix.</summary>
    [Fact]
    public void Model_BuildsWithoutValidationWarnings()
    {
        var logged = new List<(string Category, string Message)>();
        using var loggers = LoggerFactory.Create(l => l.AddProvider(new CapturingLoggerProvider(logged, LogLevel.Warning)).SetMinimumLevel(LogLevel.Warning));
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseNpgsql(app.Database.ConnectionString)
            .UseLoggerFactory(loggers)
            .EnableServiceProviderCaching(false) // a model of its own, so validation runs here and now
            .Options;
        using var db = new AppDbContext(options);
        Assert.NotEmpty(db.Model.GetEntityTypes());
        Assert.Empty(logged);
    }

    [Fact]
    public async Task ReferenceData_Has290MunicipalitiesIn21Counties()
    {
        var (counties, municipalities, skane, vastmanland) = await app.WithDbAsync(async db => (
            await db.Counties.CountAsync(), await db.Municipalities.CountAsync(),
            await db.Municipalities.CountAsync(m => m.CountyCode == "12"), await db.Municipalities.CountAsync(m => m.CountyCode == "19")));
        Assert.Equal(21, counties);
        Assert.Equal(290, municipalities);
        Assert.Equal(33, skane);
        Assert.Equal(10, vastmanland);
    }

    [Fact]
    public async Task ReferenceData_LoadedTwice_ChangesNothingAndUpdatesPopulation()
    {
        var dataSource = app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE municipalities SET population = 1 WHERE code = '1280'"));
        await ReferenceData.LoadAsync(dataSource);
        await ReferenceData.LoadAsync(dataSource);
        var (count, malmo) = await app.WithDbAsync(async db => (await db.Municipalities.CountAsync(),
            await db.Municipalities.Where(m => m.Code == "1280").Select(m => m.Population).SingleAsync()));
        Assert.Equal(290, count);
        Assert.Equal(365644, malmo);
    }
}
