using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;

namespace Samverka.Tests.Features.SelfAssessment;

/// <summary>
/// The aggregates read sa_totals (migration 0011), kept by a trigger on sa_responses: the totals
/// must follow every insert, update and delete, and hold nothing that points at a person or a response.
/// </summary>
[Collection(AppCollection.Name)]
public class RunningTotalsTests(SamverkaFactory app)
{
    private sealed record TotalRow(string M, int L, string T, string Y, int N, int S1, int Q21);

    private const string FromResponses = """
        SELECT municipality_code AS "M", coalesce(library_id, 0) AS "L", job_title AS "T", years_band AS "Y", count(*)::int AS "N",
               sum(competence_sums[1])::int AS "S1", sum(competence_counts[21])::int AS "Q21"
        FROM sa_responses WHERE round_id = {0} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        """;

    private const string FromTotals = """
        SELECT municipality_code AS "M", library_key AS "L", job_title AS "T", years_band AS "Y", n AS "N",
               competence_sums[1] AS "S1", competence_counts[21] AS "Q21"
        FROM sa_totals WHERE round_id = {0} ORDER BY 1, 2, 3, 4
        """;

    private Task<List<TotalRow>> RowsAsync(string sql, int roundId) =>
        app.WithDbAsync(db => db.Database.SqlQueryRaw<TotalRow>(sql, roundId).ToListAsync());

    [Fact]
    public async Task Totals_FollowInsertUpdateAndDelete()
    {
        var round = await AssessmentSamples.CreateYearRoundAsync(app, "19", AssessmentSamples.NewYear());
        var library = await AssessmentSamples.NewLibraryAsync(app, "1981");
        await AssessmentSamples.AddResponsesAsync(app, round.Id, "1981", library, 3, score: 3);
        await AssessmentSamples.AddResponsesAsync(app, round.Id, "1982", null, 2, jobTitle: "Chef", score: 6);
        var afterInsert = await RowsAsync(FromTotals, round.Id);
        Assert.Equal(await RowsAsync(FromResponses, round.Id), afterInsert);
        Assert.Equal([("1981", library, 3), ("1982", 0, 2)], afterInsert.Select(r => (r.M, r.L, r.N)));

        await app.WithDbAsync(async db =>
        {
            var moved = await db.AssessmentResponses.FirstAsync(r => r.RoundId == round.Id && r.MunicipalityCode == "1981");
            moved.JobTitle = "Chef";
            var removed = await db.AssessmentResponses.Include(r => r.Scores).FirstAsync(r => r.RoundId == round.Id && r.MunicipalityCode == "1982");
            db.AssessmentScores.RemoveRange(removed.Scores);
            db.AssessmentResponses.Remove(removed);
            return await db.SaveChangesAsync();
        });
        // The library's removal sets library_id to NULL on its responses (ON DELETE SET NULL): an update too.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM libraries WHERE id = {0}", library));

        var totals = await RowsAsync(FromTotals, round.Id);
        Assert.Equal(await RowsAsync(FromResponses, round.Id), totals);
        Assert.Equal([("1981", 0, "Bibliotekarie", 2), ("1981", 0, "Chef", 1), ("1982", 0, "Chef", 1)], totals.Select(r => (r.M, r.L, r.T, r.N)));
        Assert.Equal(2 * afterInsert[0].S1 / 3, totals[0].S1);
    }

    [Fact]
    public async Task Schema_TotalsHoldOnlyGroupSums()
    {
        var columns = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'sa_totals' ORDER BY column_name").ToListAsync());
        Assert.Equal(["competence_counts", "competence_sums", "job_title", "library_key", "municipality_code", "n", "round_id", "years_band"], columns);
    }
}
