using System.Text;
using System.Text.Unicode;
using CsvHelper;
using Samverka.Web.Features.Directory.People;

namespace Samverka.Web.Features.Directory;

/// <summary>
/// One problem in an uploaded file. Line 0 means the file as a whole. The report shows the cell's
/// value so it can be found, except a value that looks like a personnummer (refused for that very
/// reason): it is never echoed back, neither as the value nor inside the message.
/// </summary>
public record ImportError(int Line, string? Column, string Message, string? Value = null)
{
    public const string Hidden = "(dold)";

    public string Message { get; init; } = IsPersonal(Value, Message) && !string.IsNullOrWhiteSpace(Value)
        ? Message.Replace(Value.Trim(), Hidden, StringComparison.Ordinal) : Message;

    public string? Value { get; init; } = IsPersonal(Value, Message) ? Hidden : Value;

    private static bool IsPersonal(string? value, string message) =>
        value is not null && (message == PersonValidation.PersonalIdentityNumberMessage || PersonValidation.ContainsPersonalIdentityNumber(value));
}

/// <summary>A data row keyed by canonical column name, with its line number in the file.</summary>
public record CsvRow(int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string column] => Cells.TryGetValue(column, out var v) && v.Length > 0 ? v : null;
}

public record CsvSheet(List<CsvRow> Rows, List<ImportError> Errors);

/// <summary>
/// Reads a CSV file the way Swedish Excel and LibreOffice save it: UTF-8 with or without BOM
/// (or the older Windows-1252 "CSV (semikolonavgränsad)"), ';' or ',' separated, quoted cells, read with CsvHelper.
/// Column names are matched without regard to case, spaces or å/ä/ö spelled as a/o.
/// </summary>
public static class CsvImportReader
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;

    static CsvImportReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="columns">Canonical column name → accepted spellings (the canonical one included).</param>
    /// <param name="required">Columns the header must contain.</param>
    public static CsvSheet Read(byte[] bytes, IReadOnlyDictionary<string, string[]> columns, IReadOnlyCollection<string> required)
    {
        var errors = new List<ImportError>();
        var rows = new List<CsvRow>();
        if (bytes.Length == 0)
            return new(rows, [new(0, null, "Filen är tom.")]);
        if (bytes.Length > MaxBytes)
            return new(rows, [new(0, null, $"Filen är för stor. Den får vara högst {MaxBytes / 1024 / 1024} MB.")]);
        if (LooksBinary(bytes))
            return new(rows, [new(0, null, "Filen är inte en textfil. Spara den som CSV (till exempel ”CSV UTF-8” i Excel) och försök igen.")]);

        var (records, separator) = Parse(bytes, errors);
        if (records.Count == 0)
            return new(rows, [new(0, null, "Filen saknar rubrikrad.")]);

        var header = records[0].Cells;
        var map = new Dictionary<int, string>();
        for (var i = 0; i < header.Length; i++)
        {
            var key = Fold(header[i]);
            var match = columns.FirstOrDefault(c => c.Value.Any(alias => Fold(alias) == key));
            if (match.Key is null) continue; // extra columns (e.g. from an export) are ignored
            if (map.ContainsValue(match.Key))
                errors.Add(new(1, header[i], $"Kolumnen ”{match.Key}” finns flera gånger i rubrikraden."));
            else map[i] = match.Key;
        }
        foreach (var col in required.Where(c => !map.ContainsValue(c)))
            errors.Add(new(1, col, $"Kolumnen ”{col}” saknas. Rubrikraden ska innehålla: {string.Join(separator, columns.Keys)}."));
        if (errors.Count > 0) return new(rows, errors);

        foreach (var (line, record) in records.Skip(1))
        {
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            if (record.Length > header.Length && record.Skip(header.Length).Any(c => !string.IsNullOrWhiteSpace(c)))
                errors.Add(new(line, null, $"Raden har {record.Length} celler men rubrikraden har {header.Length}. Kontrollera avgränsare och citattecken."));
            var cells = map.ToDictionary(m => m.Value, m => m.Key < record.Length ? Clean(record[m.Key]) : "");
            // The same rule as every form: no control characters (PostgreSQL refuses NUL), reported by line and column.
            foreach (var (column, value) in cells)
                if (Infrastructure.InputText.HasControlCharacters(value)) errors.Add(new(line, column, Infrastructure.InputText.ControlCharacterMessage));
            rows.Add(new(line, cells));
            if (rows.Count > MaxRows)
                return new([], [new(0, null, $"Filen har fler än {MaxRows:N0} rader. Dela upp den i mindre filer.")]);
        }
        if (rows.Count == 0 && errors.Count == 0)
            errors.Add(new(0, null, "Filen innehåller inga rader med data, bara rubrikraden."));
        return new(rows, errors);
    }

    private record Record(int Line, string[] Cells);

    /// <summary>
    /// All records with the line each starts on (a quoted cell may span lines), so that an error report can point
    /// at the line a person sees in their editor. CsvHelper detects the separator, skips blank lines and a UTF-8 BOM,
    /// and recovers from broken quoting, which is reported here in Swedish.
    /// </summary>
    private static (List<Record> Records, char Separator) Parse(byte[] bytes, List<ImportError> errors)
    {
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false, // the header is matched below, loosely
            TrackLineNumbers = true,
            TrimWhitespace = true,
            OnMalformedRecord = m => errors.Add(new((int)m.LineNumber, null, MalformedMessage(m.Reason))),
        };
        // Strict UTF-8 (with or without BOM) first; Excel's non-UTF-8 CSV is Windows-1252.
        using var reader = Utf8.IsValid(bytes)
            ? CsvReader.Create(bytes, options)
            : CsvReader.Create(new MemoryStream(bytes), options with { Encoding = Encoding.GetEncoding(1252) });
        var records = new List<Record>();
        while (reader.Read())
            records.Add(new((int)reader.LineNumber, [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]));
        return (records, reader.Separator);
    }

    private static string MalformedMessage(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "Ett citattecken (\") avslutas aldrig. Kontrollera att varje cell som börjar med \" också slutar med \".",
        CsvMalformedReason.TextAfterClosingQuote => "Raden har text direkt efter ett avslutande citattecken (\"). Omge hela cellen med citattecken.",
        _ => "Raden har ett citattecken (\") på fel ställe. Omge hela cellen med citattecken och skriv citattecken inuti som \"\".",
    };

    private static bool LooksBinary(byte[] bytes) =>
        bytes.AsSpan(0, Math.Min(bytes.Length, 4096)).IndexOf((byte)0) >= 0
        || (bytes.Length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4);

    /// <summary>
    /// Non-breaking spaces from Excel become spaces, and the apostrophe our export puts before
    /// = + - @ (formula neutralisation) is removed, so an exported file imports unchanged.
    /// </summary>
    private static string Clean(string s)
    {
        s = s.Replace('\u00a0', ' ').Trim();
        return s.Length > 1 && s[0] == '\'' && s[1] is '=' or '+' or '-' or '@' ? s[1..] : s;
    }

    internal static string Fold(string s) => new string(s.Trim().TrimStart('\uFEFF').ToLowerInvariant()
        .Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o')
        .Where(char.IsLetterOrDigit).ToArray());
}
