// Registration burst for ./bench: fires every registration at once through the API the activity page's code
// serves (POST /api/v1/activities/{id}/registrations, as the people's library manager), then races
// cancellations of confirmed seats against new registrations while it polls the activity's seat count.
//
//   dotnet Burst.dll BASE_URL COOKIE ACTIVITY_ID CAPACITY BURST_PERSON_IDS RACE_PERSON_IDS
//
// BURST/RACE_PERSON_IDS: comma-separated. Prints readable lines, then one line "RESULT key=value …" for ./bench.
// Exit status 1 when a rule broke (over capacity, wrong counts, waiting order, errors).
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

var (baseUrl, cookie, activityId, capacity) = (args[0].TrimEnd('/'), args[1], int.Parse(args[2]), int.Parse(args[3]));
var burstPeople = args[4].Split(',').Select(int.Parse).ToArray();
var racePeople = args[5].Split(',').Select(int.Parse).ToArray();

var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
http.DefaultRequestHeaders.Add("Cookie", cookie);
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
var broken = new List<string>();

// Open one connection per registration first, so the burst measures the app and not TCP handshakes.
await Task.WhenAll(Enumerable.Range(0, burstPeople.Length).Select(_ => http.GetAsync("/health/live")));

// ---- 1. The burst: every registration started together ----------------------------------------------
var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var clock = Stopwatch.StartNew();
var tasks = burstPeople.Select((person, i) => Task.Run(async () =>
{
    await gate.Task;
    var started = clock.Elapsed.TotalMilliseconds;
    try
    {
        using var response = await http.PostAsJsonAsync($"/api/v1/activities/{activityId}/registrations", new { personId = person });
        var body = await response.Content.ReadAsStringAsync();
        var done = clock.Elapsed.TotalMilliseconds;
        Registration? r = response.StatusCode == HttpStatusCode.Created ? JsonSerializer.Deserialize<Registration>(body, json) : null;
        return new Answer(person, (int)response.StatusCode, started, done, r);
    }
    catch (Exception e)
    {
        Console.Error.WriteLine($"registration of person {person}: {e.GetType().Name} {e.Message}");
        return new Answer(person, 0, started, clock.Elapsed.TotalMilliseconds, null);
    }
})).ToArray();
await Task.Delay(200); // every task is waiting at the gate
var t0 = clock.Elapsed.TotalMilliseconds;
gate.SetResult();
var answers = await Task.WhenAll(tasks);

var latencies = answers.Select(a => a.Done - a.Started).Order().ToArray();
var firstAnswer = answers.Min(a => a.Done);
var lastAnswer = answers.Max(a => a.Done);
var created = answers.Where(a => a.Registration is not null).Select(a => a.Registration!).ToList();
var confirmed = created.Count(r => r.Status == "Confirmed");
var waiting = created.Where(r => r.Status == "Waiting").OrderBy(r => r.Id).ToList();
var errors = answers.Count(a => a.Status != 201);
// Waiting order = arrival order: the id is drawn when the seat is decided, so the n-th waiting registration by id
// must have been told it is number n on the list.
var orderOk = waiting.Select((r, i) => r.WaitingPosition == i + 1).All(x => x);
var expectedConfirmed = Math.Min(capacity, burstPeople.Length);
if (confirmed != expectedConfirmed) broken.Add($"{confirmed} confirmed, expected {expectedConfirmed}");
if (waiting.Count != burstPeople.Length - expectedConfirmed) broken.Add($"{waiting.Count} waiting, expected {burstPeople.Length - expectedConfirmed}");
if (!orderOk) broken.Add("the waiting positions are not in the order the seats were decided");
if (errors > 0) broken.Add($"{errors} registrations did not answer 201: " + string.Join(", ", answers.Where(a => a.Status != 201).GroupBy(a => a.Status).Select(g => $"{g.Count()}× {g.Key}")));
Console.WriteLine($"burst: {burstPeople.Length} registrations for {capacity} seats started together: p50 {Pct(latencies, 50):F0} ms, p99 {Pct(latencies, 99):F0} ms, " +
    $"last answer {lastAnswer - t0:F0} ms after the start ({lastAnswer - firstAnswer:F0} ms after the first answer); {confirmed} confirmed, {waiting.Count} waiting " +
    $"(order {(orderOk ? "= arrival" : "WRONG")}), {errors} errors");

// ---- 2. Cancellations racing new registrations --------------------------------------------------------
var toCancel = created.Where(r => r.Status == "Confirmed").Take(racePeople.Length).ToList();
var maxSeen = 0;
var polls = 0;
using var stop = new CancellationTokenSource();
var poller = Task.Run(async () =>
{
    while (!stop.IsCancellationRequested)
    {
        try
        {
            var a = await http.GetFromJsonAsync<ActivitySeats>($"/api/v1/activities/{activityId}", json);
            maxSeen = Math.Max(maxSeen, a!.Confirmed);
            polls++;
        }
        catch (Exception) when (stop.IsCancellationRequested) { }
    }
});
var raceGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var raceClock = Stopwatch.StartNew();
var cancels = toCancel.Select(r => Task.Run(async () =>
{
    await raceGate.Task;
    using var response = await http.DeleteAsync($"/api/v1/activities/{activityId}/registrations/{r.Id}");
    return (int)response.StatusCode;
}));
var registers = racePeople.Select(person => Task.Run(async () =>
{
    await raceGate.Task;
    using var response = await http.PostAsJsonAsync($"/api/v1/activities/{activityId}/registrations", new { personId = person });
    return (int)response.StatusCode;
}));
var race = cancels.Concat(registers).ToArray();
await Task.Delay(100);
raceGate.SetResult();
var raceStatus = await Task.WhenAll(race);
var raceMs = raceClock.Elapsed.TotalMilliseconds - 100;
stop.Cancel();
await poller;
var after = await http.GetFromJsonAsync<ActivitySeats>($"/api/v1/activities/{activityId}", json);
maxSeen = Math.Max(maxSeen, after!.Confirmed);
var raceErrors = raceStatus.Take(toCancel.Count).Count(s => s != 204) + raceStatus.Skip(toCancel.Count).Count(s => s != 201);
if (maxSeen > capacity) broken.Add($"over capacity: {maxSeen} confirmed seen for {capacity} seats");
if (after.Confirmed != capacity) broken.Add($"after the race {after.Confirmed} confirmed, expected {capacity} (the waiting list was long enough)");
if (raceErrors > 0) broken.Add($"{raceErrors} race requests failed: " + string.Join(", ", raceStatus.GroupBy(s => s).Select(g => $"{g.Count()}× {g.Key}")));
Console.WriteLine($"race: {toCancel.Count} cancellations and {racePeople.Length} new registrations at once, done in {raceMs:F0} ms; " +
    $"{polls} polls of the seat count, highest {maxSeen} confirmed of {capacity}, after: {after.Confirmed} confirmed, {after.Waiting} waiting, {raceErrors} errors");

foreach (var b in broken) Console.WriteLine($"BROKEN: {b}");
Console.WriteLine(FormattableString.Invariant(
    $"RESULT n={burstPeople.Length} p50={Pct(latencies, 50):F1} p99={Pct(latencies, 99):F1} span={lastAnswer - t0:F1} confirmed={confirmed} waiting={waiting.Count} order={(orderOk ? 1 : 0)} errors={errors} race_ms={raceMs:F1} race_max={maxSeen} race_errors={raceErrors} ok={(broken.Count == 0 ? 1 : 0)}"));
return broken.Count == 0 ? 0 : 1;

static double Pct(double[] sorted, int p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

record Answer(int Person, int Status, double Started, double Done, Registration? Registration);
record Registration(int Id, string Status, int? WaitingPosition);
record ActivitySeats(int Confirmed, int Waiting);
