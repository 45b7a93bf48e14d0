using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Kb;

/// <summary>One library and year of the statistics file, and what importing it would do.</summary>
public record StatisticsItem(string Sigel, int Year, KbAction Action, int? LibraryId, string? LibraryName,
    decimal? Persons, decimal? FullTime, decimal? OldPersons, decimal? OldFullTime, string? Reason = null);

public record StatisticsPlan(List<ImportError> Errors, List<StatisticsItem> Items)
{
    public int Count(KbAction a) => Items.Count(i => i.Action == a);

    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n",
        Items.Where(i => i.Action is KbAction.Create or KbAction.Update)
            .Select(i => $"{i.Sigel}\u0001{i.Year}\u0001{i.Action}\u0001{i.LibraryId}\u0001{i.Persons}\u0001{i.FullTime}\u0001{i.OldPersons}\u0001{i.OldFullTime}")))));
}

/// <summary>
/// Imports KB's library statistics (bibstat open data): a JSON array of observations (or an object with the array
/// in "observations"). Each observation names its library by sigel (<c>library.sigel</c>, <c>sigel</c>, or the last
/// part of <c>library.@id</c>) and its measurement year (<c>sampleYear</c>), and carries variables either as
/// properties (<c>"Personer99": 12</c>) or as <c>variable</c> + <c>value</c>. Samverka keeps, per library and year,
/// staff in persons (<see cref="PersonsVariable"/>) and in full-time equivalents (<see cref="FullTimeVariable"/>);
/// other variables are ignored. Libraries Samverka does not have (by sigel) or outside the user's organisations are listed and skipped.
/// </summary>
public static class KbStatistics
{
    public const string PersonsVariable = "Personer99";
    public const string FullTimeVariable = "Arsverke99";
    public const string Source = "KB:s biblioteksstatistik";

    public static bool LooksLikeStatistics(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024)).Contains("\"sampleYear\"", StringComparison.Ordinal);

    private record Figures(decimal? Persons, decimal? FullTime);

    public static async Task<StatisticsPlan> PlanAsync(AppDbContext db, byte[] file, UserScope scope, CancellationToken ct = default)
    {
        if (KbJson.Parse(file, "observations", KbRegister.MaxBytes, 500_000, out var observations) is { } problem) return new([problem], []);
        var errors = new List<ImportError>();
        var figures = new Dictionary<(string Sigel, int Year), Figures>();
        var index = 0;
        foreach (var o in observations)
        {
            index++;
            if (o.ValueKind != JsonValueKind.Object) { errors.Add(new(index, null, "Observationen är inte ett JSON-objekt.")); continue; }
            var f = new KbJson.Fields(o, index, errors);
            var sigel = f.Text("sigel")?.Trim();
            if (o.TryGetProperty("library", out var library) && library.ValueKind == JsonValueKind.Object)
            {
                var lf = new KbJson.Fields(library, index, errors, "library.");
                sigel ??= lf.Text("sigel")?.Trim() ?? lf.Text("@id")?.TrimEnd('/').Split('/')[^1];
            }
            var year = f.Number("sampleYear");
            decimal? persons = null, fullTime = null;
            if (o.TryGetProperty("variable", out _))
            {
                var value = f.Number("value");
                switch (f.Text("variable"))
                {
                    case PersonsVariable: persons = value; break;
                    case FullTimeVariable: fullTime = value; break;
                }
            }
            else
            {
                persons = f.Number(PersonsVariable);
                fullTime = f.Number(FullTimeVariable);
            }
            if (!f.Ok) continue;
            if (string.IsNullOrEmpty(sigel)) { errors.Add(new(index, "sigel", "Observationen saknar bibliotekets sigel.")); continue; }
            if (year is not { } y || y != Math.Floor(y) || y < 1990 || y > 2100) { errors.Add(new(index, "sampleYear", "Mätåret (sampleYear) ska vara ett årtal, till exempel 2019.")); continue; }
            if (persons < 0 || fullTime < 0 || persons > 100_000 || fullTime > 100_000) { errors.Add(new(index, null, "Personalsiffran ska vara ett tal mellan 0 och 100 000.")); continue; }
            if (persons is null && fullTime is null) continue;
            var key = (sigel, (int)y);
            var old = figures.GetValueOrDefault(key, new(null, null));
            if ((persons is not null && old.Persons is not null && old.Persons != persons) || (fullTime is not null && old.FullTime is not null && old.FullTime != fullTime))
            {
                errors.Add(new(index, null, $"Sigeln {sigel} har två olika värden för mätår {(int)y}.", sigel));
                continue;
            }
            figures[key] = new(persons ?? old.Persons, fullTime ?? old.FullTime);
        }
        if (errors.Count > 0) return new(errors, []);
        if (figures.Count == 0) return new([new(0, null, $"Filen innehåller inga personaluppgifter ({PersonsVariable} eller {FullTimeVariable}).")], []);

        var libraries = await db.Libraries.AsNoTracking().Where(l => l.Sigel != null)
            .Select(l => new { l.Id, l.Name, Sigel = l.Sigel!, l.MunicipalityCode, l.Municipality!.CountyCode }).ToDictionaryAsync(l => l.Sigel, StringComparer.Ordinal, ct);
        var stored = await db.LibraryStatistics.AsNoTracking().ToDictionaryAsync(s => (s.LibraryId, s.Year), ct);
        var items = new List<StatisticsItem>();
        foreach (var ((sigel, year), v) in figures.OrderBy(f => f.Key.Sigel, StringComparer.Ordinal).ThenBy(f => f.Key.Year))
        {
            if (!libraries.TryGetValue(sigel, out var l))
            { items.Add(new(sigel, year, KbAction.Skipped, null, null, v.Persons, v.FullTime, null, null, "Inget bibliotek i Samverka har den sigeln.")); continue; }
            if (!DirectoryAccess.CanEditLibrary(scope, l.MunicipalityCode, l.CountyCode))
            { items.Add(new(sigel, year, KbAction.Skipped, l.Id, l.Name, v.Persons, v.FullTime, null, null, DirectoryAccess.LibraryDenied(l.MunicipalityCode))); continue; }
            if (!stored.TryGetValue((l.Id, year), out var s))
            { items.Add(new(sigel, year, KbAction.Create, l.Id, l.Name, v.Persons, v.FullTime, null, null)); continue; }
            var same = s.StaffPersons == v.Persons && s.StaffFullTime == v.FullTime;
            items.Add(new(sigel, year, same ? KbAction.Unchanged : KbAction.Update, l.Id, l.Name, v.Persons, v.FullTime, s.StaffPersons, s.StaffFullTime));
        }
        return new([], items);
    }

    public static async Task<KbImportResult> ApplyAsync(AppDbContext db, StatisticsPlan plan, CancellationToken ct = default)
    {
        var now = DateTimeOffset.UtcNow;
        var changed = plan.Items.Where(i => i.Action is KbAction.Create or KbAction.Update).ToList();
        var ids = changed.Select(i => i.LibraryId!.Value).Distinct().ToArray();
        var stored = await db.LibraryStatistics.Where(s => ids.Contains(s.LibraryId)).ToDictionaryAsync(s => (s.LibraryId, s.Year), ct);
        foreach (var i in changed)
        {
            if (!stored.TryGetValue((i.LibraryId!.Value, i.Year), out var s))
            {
                s = new LibraryStatistic { LibraryId = i.LibraryId.Value, Year = i.Year, Source = Source };
                db.LibraryStatistics.Add(s);
            }
            s.StaffPersons = i.Persons;
            s.StaffFullTime = i.FullTime;
            s.Source = Source;
            s.ImportedAt = now;
        }
        await db.SaveChangesAsync(ct); // one transaction with its audit rows
        return new([], plan.Count(KbAction.Create), plan.Count(KbAction.Update), plan.Count(KbAction.Unchanged));
    }
}
