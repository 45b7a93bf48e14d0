using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.ActivityPlans;

namespace Samverka.Tests.Features.ActivityPlans;

/// <summary>The app on its own database, so the national-scale fill does not change other tests' figures.</summary>
public sealed class PlanBenchFactory : SamverkaFactory
{
    protected override string Purpose => "planbench";
}

/// <summary>
/// The yearly-report benchmark's fill (bench.d/plan-report.sql, used by bench.d/plan-report.sh, which times the
/// report) runs against the migrated schema and the report really counts it: a schema change that breaks the fill
/// fails here, not first in a benchmark run. The timing itself is the benchmark's, not a test's.
/// </summary>
public class ReportBenchFillTests(PlanBenchFactory app) : IClassFixture<PlanBenchFactory>
{
    private static string FillFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "bench.d", "plan-report.sql");
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException("bench.d/plan-report.sql not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task BenchFill_Loads_AndTheCompiledReportCountsIt()
    {
        var planId = await app.WithDbAsync(async db =>
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using (var fill = new NpgsqlCommand(await File.ReadAllTextAsync(FillFile()), connection)) await fill.ExecuteNonQueryAsync();
            return await db.ActivityPlans.Where(p => p.CountyCode == "19" && p.Title == "Benchplan 2019").Select(p => p.Id).SingleAsync();
        });

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reading = await PlanReading.ReadAsync(db, UserScope.System, planId, DateTimeOffset.UtcNow);
        var docx = PlanReportDocx.Build(reading!, 2019, "http://localhost");

        // About 950 held activities in the county (every 20th is cancelled), 60 actions and a team with leave.
        Assert.True(reading!.Figures[2019].Value("aktiviteter.antal") >= 900);
        Assert.Equal(60, reading.Areas.Sum(a => a.Actions.Count));
        Assert.NotEmpty(reading.Risks);
        Assert.True(docx.Length > 10_000);
    }
}
