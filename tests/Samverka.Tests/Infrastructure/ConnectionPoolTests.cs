using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Samverka.Tests.Features.Activities;
using Samverka.Tests.Support;
using Samverka.Web.Features.Activities;
using Samverka.Web.Infrastructure;
using Xunit.Abstractions;

namespace Samverka.Tests.Infrastructure;

/// <summary>
/// The request pool is bounded (Samverka:Database:MaxPoolSize) and a request waits for a connection at
/// most ConnectionTimeoutSeconds: then a Swedish 503 with Retry-After, never a hang or a 500. Under a
/// burst the requests queue for the pool instead of opening more connections than it allows.
/// </summary>
[Collection(AppCollection.Name)]
public class ConnectionPoolTests(SamverkaFactory app, ITestOutputHelper output)
{
    /// <summary>Another instance of the app on the same database, with its own pool, named so pg_stat_activity tells its connections apart.</summary>
    private WebApplicationFactory<Program> Instance(string name, int maxPoolSize, int timeoutSeconds) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("ConnectionStrings:Default", new NpgsqlConnectionStringBuilder(app.Database.AppConnectionString) { ApplicationName = name }.ToString());
        b.UseSetting("Samverka:Database:MaxPoolSize", maxPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        b.UseSetting("Samverka:Database:ConnectionTimeoutSeconds", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    [Fact]
    public async Task Request_WhilePoolIsExhausted_Gets503WithRetryAfterInSwedish_AndWorksAgainAfter()
    {
        await using var host = Instance("samverka-tiny-pool", maxPoolSize: 2, timeoutSeconds: 1);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();

        var held = new List<NpgsqlConnection> { await dataSource.OpenConnectionAsync(), await dataSource.OpenConnectionAsync() };
        var clock = Stopwatch.StartNew();
        HttpResponseMessage page, api;
        try
        {
            page = await client.GetAsync($"/lan?x={Guid.NewGuid():N}"); // a query the output cache has not seen
            api = await client.GetAsync("/api/v1/activities");
        }
        finally
        {
            foreach (var c in held) await c.DisposeAsync();
        }
        clock.Stop();
        output.WriteLine($"Pool of 2 held by the test: page {(int)page.StatusCode}, API {(int)api.StatusCode}, both answered in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal("5", page.Headers.GetValues("Retry-After").Single());
        var doc = await page.ToDocumentAsync();
        Assert.Equal("Tjänsten är hårt belastad", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains(DatabaseBusyHandler.Message, doc.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("pool", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("5", api.Headers.GetValues("Retry-After").Single());
        Assert.Equal(DatabaseBusyHandler.Message, (await api.Content.ReadFromJsonAsync<ApiError>())!.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "bounded wait");

        // The connections are back: the next request is served.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/activities")).StatusCode);
    }

    [Fact]
    public async Task Burst_1000ConcurrentRequests_QueueForThePool_NoneFail_NeverMoreConnectionsThanThePoolAllows()
    {
        const int requests = 1000, pool = 10;
        const string name = "samverka-burst";
        await using var host = Instance(name, maxPoolSize: pool, timeoutSeconds: 15);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/activities")).StatusCode); // started

        var (statuses, elapsed, maxInstance, maxDatabase, samples, ownerDuring, ownerAfter) = await BurstAsync(name, requests, async i =>
        {
            // Distinct counties and themes: each request reads the database (this list is not output-cached anyway).
            using var response = await client.GetAsync($"/api/v1/activities?county={(i % 21) + 1:00}&past=true");
            return response.StatusCode;
        });

        var failures = statuses.Count(s => s != HttpStatusCode.OK);
        output.WriteLine($"Burst: {requests} concurrent GET /api/v1/activities on a pool of {pool}: {failures} failures, " +
            $"{statuses.Count(s => s == HttpStatusCode.ServiceUnavailable)} × 503, {elapsed.TotalMilliseconds:0} ms; " +
            $"max connections seen: {maxInstance} of this instance, {maxDatabase} on the database ({samples} samples); " +
            $"owner connected during: {ownerDuring}, after: {ownerAfter}");
        Assert.Equal(requests, statuses.Count);
        Assert.Equal(0, failures);
        Assert.InRange(maxInstance, 1, pool);
        Assert.True(ownerDuring && ownerAfter);
    }

    [Fact]
    public async Task Burst_1000ConcurrentRegistrations_WithTheDefaultPool_NoneFailForLackOfAConnection_SeatsExact()
    {
        const int requests = 1000, capacity = 100;
        const string name = "samverka-registration-burst";
        // The production settings (Samverka:Database:MaxPoolSize and its timeout as shipped), only named apart.
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Default",
            new NpgsqlConnectionStringBuilder(app.Database.AppConnectionString) { ApplicationName = name }.ToString()));
        var pool = new NpgsqlConnectionStringBuilder(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString).MaxPoolSize;
        var id = await ActivitySamples.CreateAsync(app, capacity: capacity);
        var people = await ActivitySamples.PeopleAsync(app, requests, "Malmö stadsbibliotek");

        // The manager's session, issued by the shared instance, is valid on this one (sessions live in the database).
        var signIn = await app.Anonymous().PostFormAsync("/konto/logga-in", new()
        {
            ["Email"] = SamverkaFactory.Accounts[Roles.LibraryManager], ["Password"] = SamverkaFactory.Password,
        });
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(v => v.Split(';')[0]));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/activities/{id}/registrations")).StatusCode);

        var (statuses, elapsed, maxInstance, _, samples, ownerDuring, ownerAfter) = await BurstAsync(name, requests, async i =>
        {
            using var response = await client.PostAsJsonAsync($"/api/v1/activities/{id}/registrations", new { personId = people[i] });
            return response.StatusCode;
        });
        await ActivitySamples.SettleTestMailAsync(app);

        var counts = await ActivitySamples.CountsAsync(app, id);
        var failures = statuses.Count(s => s != HttpStatusCode.Created);
        output.WriteLine($"Burst: {requests} concurrent registrations for {capacity} seats on the default pool of {pool}: {failures} failures, " +
            $"{statuses.Count(s => s == HttpStatusCode.ServiceUnavailable)} × 503, {elapsed.TotalMilliseconds:0} ms; " +
            $"{counts.GetValueOrDefault(RegistrationStatus.Confirmed)} confirmed, {counts.GetValueOrDefault(RegistrationStatus.Waiting)} waiting; " +
            $"max connections of this instance: {maxInstance} ({samples} samples); owner connected during: {ownerDuring}, after: {ownerAfter}");
        Assert.Equal(requests, statuses.Count);
        Assert.Equal(0, failures);
        Assert.Equal(capacity, counts[RegistrationStatus.Confirmed]);
        Assert.Equal(requests - capacity, counts[RegistrationStatus.Waiting]);
        Assert.InRange(maxInstance, 1, pool);
        Assert.True(ownerDuring && ownerAfter);
    }

    /// <summary>
    /// Sends <paramref name="requests"/> requests at once while pg_stat_activity is sampled from outside as the superuser
    /// (connections of the instance named <paramref name="name"/>, and of the whole database), and checks that the owner
    /// (an administrator) still gets a connection during the burst and after it.
    /// </summary>
    private async Task<(List<HttpStatusCode> Statuses, TimeSpan Elapsed, long MaxInstance, long MaxDatabase, int Samples, bool OwnerDuring, bool OwnerAfter)>
        BurstAsync(string name, int requests, Func<int, Task<HttpStatusCode>> send)
    {
        await using var monitor = new NpgsqlConnection(app.Database.ConnectionString);
        await monitor.OpenAsync();
        var maxInstance = 0L; var maxDatabase = 0L; var samples = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            await using var cmd = new NpgsqlCommand(
                "SELECT count(*) FILTER (WHERE application_name = $1), count(*) FROM pg_stat_activity WHERE datname = current_database()", monitor);
            cmd.Parameters.AddWithValue(name);
            while (!stop.IsCancellationRequested)
            {
                await using (var r = await cmd.ExecuteReaderAsync())
                {
                    await r.ReadAsync();
                    maxInstance = Math.Max(maxInstance, r.GetInt64(0));
                    maxDatabase = Math.Max(maxDatabase, r.GetInt64(1));
                }
                samples++;
                await Task.Delay(5);
            }
        });

        var clock = Stopwatch.StartNew();
        var burst = Task.WhenAll(Enumerable.Range(0, requests).Select(i => Task.Run(() => send(i))));
        await Task.Delay(200);
        var ownerDuring = await OwnerCanConnectAsync();
        var statuses = await burst;
        clock.Stop();
        var ownerAfter = await OwnerCanConnectAsync();
        await stop.CancelAsync();
        await sampler;
        return ([.. statuses], clock.Elapsed, maxInstance, maxDatabase, samples, ownerDuring, ownerAfter);
    }

    private async Task<bool> OwnerCanConnectAsync()
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.Database.OwnerConnectionString) { Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT 1", conn);
        return (int)(await cmd.ExecuteScalarAsync())! == 1;
    }
}
