using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Kb;

/// <summary>
/// <c>./run import-kb FILE [--yes] [--koppla SIGEL …] [--koppla-alla]</c> for operators: the same preview and import
/// as the page, with the system's rights (every municipality), recorded in the audit log as "system". Prints the
/// preview and asks before changing anything unless --yes is given. Name matches are applied only for the sigels
/// named with --koppla (or all offered with --koppla-alla).
/// </summary>
public static class KbCommandLine
{
    /// <summary>True when the arguments asked for the import (then the web app should not start).</summary>
    public static async Task<bool> RunKbCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "import-kb") return false;
        Environment.ExitCode = await RunAsync(app.Services, args[1..], Console.Out, Console.In);
        return true;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextReader input)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !IsMatchValue(args, a));
        if (file is null) { output.WriteLine("Ange filen: ./run import-kb FIL [--yes] [--koppla SIGEL] [--koppla-alla]"); return 2; }
        if (!File.Exists(file)) { output.WriteLine($"Filen {file} finns inte."); return 2; }
        var bytes = await File.ReadAllBytesAsync(file);
        var yes = args.Contains("--yes");
        var matchAll = args.Contains("--koppla-alla");
        var matches = args.Select((a, i) => (a, i)).Where(x => x.a == "--koppla" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToHashSet(StringComparer.Ordinal);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (KbStatistics.LooksLikeStatistics(bytes))
        {
            var stats = await KbStatistics.PlanAsync(db, bytes, UserScope.System);
            if (Failed(stats.Errors, output)) return 1;
            foreach (var i in stats.Items.Where(i => i.Action != KbAction.Unchanged))
                output.WriteLine($"{Verb(i.Action)} {i.Sigel} {i.Year}: personer {i.OldPersons?.ToString() ?? "–"} → {i.Persons?.ToString() ?? "–"}, årsverken {i.OldFullTime?.ToString() ?? "–"} → {i.FullTime?.ToString() ?? "–"}{(i.Reason is null ? "" : $" ({i.Reason})")}");
            output.WriteLine($"Statistik: {stats.Count(KbAction.Create)} nya, {stats.Count(KbAction.Update)} ändrade, {stats.Count(KbAction.Unchanged)} oförändrade, {stats.Count(KbAction.Skipped)} hoppas över.");
            if (!Confirmed(yes, output, input)) return 3;
            var done = await KbStatistics.ApplyAsync(db, stats);
            output.WriteLine($"Klart: {done.Created} nya och {done.Updated} ändrade uppgifter.");
            return 0;
        }
        var first = await KbImport.PlanAsync(db, bytes, UserScope.System, matches);
        if (matchAll) first = await KbImport.PlanAsync(db, bytes, UserScope.System, first.Items.Where(i => i.Offered).Select(i => i.Record.Sigel).ToHashSet(StringComparer.Ordinal));
        if (Failed(first.Errors, output)) return 1;
        foreach (var i in first.Items.Where(i => i.Action != KbAction.Unchanged))
        {
            var what = i.Action switch
            {
                KbAction.Skipped => i.Reason,
                KbAction.NameMatch => $"möjlig matchning med {i.LibraryName} (id {i.LibraryId}); koppla med --koppla {i.Record.Sigel}",
                KbAction.Create => $"{i.Record.MunicipalityCode}, {i.Record.LibraryType}",
                _ => string.Join("; ", i.Changes.Select(c => $"{c.Field}: {c.Before ?? "–"} → {c.After ?? "–"}")),
            };
            output.WriteLine($"{Verb(i.Action)} post {i.Record.Index} {i.Record.Sigel} {i.LibraryName ?? i.Record.Name}: {what}");
        }
        foreach (var m in first.Missing) output.WriteLine($"Finns inte i filen (avaktivera om det har upphört): {m.Sigel} {m.Name}, {m.MunicipalityName}");
        output.WriteLine($"Bibliotek: {first.Count(KbAction.Create)} nya, {first.Count(KbAction.Update)} uppdateras, {first.Count(KbAction.Unchanged)} oförändrade, " +
            $"{first.Count(KbAction.NameMatch)} möjliga matchningar, {first.Count(KbAction.Skipped)} hoppas över, {first.Missing.Count} saknas i filen.");
        if (!Confirmed(yes, output, input)) return 3;
        var result = await KbImport.ApplyAsync(db, first);
        if (Failed(result.Errors, output)) return 1;
        output.WriteLine($"Klart: {result.Created} nya, {result.Updated} uppdaterade och {result.Unchanged} oförändrade bibliotek.");
        return 0;
    }

    private static bool IsMatchValue(string[] args, string a) => Array.IndexOf(args, a) is > 0 and var i && args[i - 1] == "--koppla";

    private static string Verb(KbAction a) => a switch
    {
        KbAction.Create => "Ny", KbAction.Update => "Ändras", KbAction.NameMatch => "Matchning?", KbAction.Skipped => "Hoppas över", _ => "Oförändrad",
    };

    private static bool Failed(List<ImportError> errors, TextWriter output)
    {
        if (errors.Count == 0) return false;
        output.WriteLine("Filen importerades inte. Ingenting har ändrats.");
        foreach (var e in errors) output.WriteLine($"  {(e.Line == 0 ? "filen" : $"post {e.Line}")}{(e.Column is null ? "" : $", {e.Column}")}: {e.Message}");
        return true;
    }

    private static bool Confirmed(bool yes, TextWriter output, TextReader input)
    {
        if (yes) return true;
        output.Write("Genomför importen? Skriv ja: ");
        if (string.Equals(input.ReadLine()?.Trim(), "ja", StringComparison.OrdinalIgnoreCase)) return true;
        output.WriteLine("Avbrutet. Ingenting har ändrats.");
        return false;
    }
}
