using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Samverka.Tests.Support;

namespace Samverka.Tests.Features.SelfAssessment;

/// <summary>Anonymity is in the schema and the logs, not only in the pages.</summary>
[Collection(AppCollection.Name)]
public class PrivacyByDesignTests(SamverkaFactory app)
{
    private Task<List<(string Table, string Column)>> ColumnsAsync(params string[] tables) => app.WithDbAsync(async db =>
    {
        var rows = await db.Database.SqlQueryRaw<ColumnRow>(
            "SELECT table_name AS \"Table\", column_name AS \"Column\" FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ANY({0})", [tables]).ToListAsync();
        return rows.Select(r => (r.Table, r.Column)).ToList();
    });

    private sealed record ColumnRow(string Table, string Column);
    private sealed record ForeignKey(string From, string To);

    [Fact]
    public async Task Schema_ResponsesHaveNoPathToAPersonAndNoTime()
    {
        var columns = await ColumnsAsync("sa_responses", "sa_scores");
        Assert.Equal(
            ["competence_counts", "competence_sums", "id", "job_title", "library_id", "municipality_code", "organisation_size", "round_id", "years_band",
             "item_id", "response_id", "score"],
            columns.OrderBy(c => c.Table).ThenBy(c => c.Column).Select(c => c.Column));

        // Follow every foreign key out of the response tables: no path reaches people or accounts.
        var keys = await app.WithDbAsync(db => db.Database.SqlQueryRaw<ForeignKey>("""
            SELECT c.conrelid::regclass::text AS "From", c.confrelid::regclass::text AS "To"
            FROM pg_constraint c WHERE c.contype = 'f'
            """).ToListAsync());
        var reached = new HashSet<string> { "sa_responses", "sa_scores" };
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var table))
            foreach (var k in keys.Where(k => k.From == table))
                if (reached.Add(k.To)) queue.Enqueue(k.To);
        Assert.DoesNotContain("people", reached);
        Assert.DoesNotContain("asp_net_users", reached);
        Assert.DoesNotContain("sa_done_marks", reached);
        Assert.DoesNotContain("audit_events", reached);
        // And nothing points at a response except its scores.
        Assert.Equal(["sa_scores"], keys.Where(k => k.To == "sa_responses").Select(k => k.From));
    }

    [Fact]
    public async Task Schema_DoneMarksHaveNoTimeNoKeyOfTheirOwnAndNoResponse()
    {
        var columns = await ColumnsAsync("sa_done_marks");
        Assert.Equal(["round_id", "user_id"], columns.Select(c => c.Column).Order());
    }

    [Fact]
    public async Task Post_Answers_NoScoreOrBackgroundValueReachesTheLogs()
    {
        var logs = new CapturingLoggerProvider();
        await using var logged = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Logging:LogLevel:Default", "Trace");
            b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs));
        });
        var round = await AssessmentSamples.CreateRoundAsync(app, "12", 2000);
        var fields = await AnswerPageTests.FullAnswersAsync(app, round.Id);
        // Values that cannot appear in a log by chance.
        fields["Input.JobTitle"] = "Barn- och ungdomsbibliotekarie";
        fields["Input.YearsBand"] = "21+";
        fields["Input.OrganisationSize"] = "50+";
        var client = logged.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        logs.Clear();

        var response = await client.PostFormAsync($"/sjalvskattning/svara/{round.Token}", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = string.Join("\n", logs.Lines);
        Assert.NotEmpty(logs.Lines); // the request was logged at all
        Assert.DoesNotContain("ungdomsbibliotekarie", text);
        Assert.DoesNotContain("21+", text);
        Assert.DoesNotContain("50+", text);
        Assert.DoesNotContain("Input.Scores", text);
        Assert.DoesNotContain("Scores[", text);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();
        public IEnumerable<string> Lines => _lines;
        public void Clear() => _lines.Clear();
        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
        public void Dispose() { }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> kv ? string.Join(" ", kv.Select(p => $"{p.Key}={p.Value}")) : "";
                owner._lines.Enqueue($"{category}: {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
