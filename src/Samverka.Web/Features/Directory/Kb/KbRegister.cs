using System.Text.Json;

namespace Samverka.Web.Features.Directory.Kb;

/// <summary>One library as KB's register (biblioteksdatabasen, bibdb) describes it, read from its JSON export.</summary>
/// <param name="Index">Position in the file, from 1, so that a person can find the record.</param>
public record KbLibraryRecord(int Index, string Sigel, string? Name, string? LibraryType, string? MunicipalityCode, string? CountryCode,
    string? Street, string? ZipCode, string? City, bool IsBranch);

public record KbRegisterFile(List<KbLibraryRecord> Records, List<ImportError> Errors);

/// <summary>
/// Reads a bibdb JSON export: an array of library objects, or an object whose "libraries" holds that array.
/// Per record: sigel, name, library_type, municipality_code, country_code, address (an array of
/// { address_type, street, zip_code, city }, the visiting address "besok" or "gen" preferred, then "stat", then
/// the first), and is_branch (true) or parent_sigel (non-empty) for a branch. Other fields are ignored; contacts
/// (e-mail addresses of named people) are never read. A file that is not JSON, has values of the wrong type or
/// the same sigel twice is refused whole, with every problem listed.
/// </summary>
public static class KbRegister
{
    public const int MaxBytes = 20 * 1024 * 1024;
    public const int MaxRecords = 50_000;

    /// <summary>KB's type code → Samverka's kind; a code not here is skipped and listed.</summary>
    public static readonly IReadOnlyDictionary<string, LibraryKind> Kinds = new Dictionary<string, LibraryKind>
    {
        ["folkbib"] = LibraryKind.Folkbibliotek,
        ["skolbib"] = LibraryKind.Skolbibliotek, ["gymbib"] = LibraryKind.Skolbibliotek,
        ["friskol"] = LibraryKind.Skolbibliotek, ["frisgym"] = LibraryKind.Skolbibliotek,
        ["sjukbib"] = LibraryKind.Sjukhusbibliotek,
        ["univbib"] = LibraryKind.Hogskolebibliotek,
        ["specbib"] = LibraryKind.Specialbibliotek, ["myndbib"] = LibraryKind.Specialbibliotek, ["musbib"] = LibraryKind.Specialbibliotek,
        ["busbib"] = LibraryKind.Specialbibliotek, ["ovrbib"] = LibraryKind.Specialbibliotek, ["natbib"] = LibraryKind.Specialbibliotek,
    };

    public static KbRegisterFile Read(byte[] bytes)
    {
        if (KbJson.Parse(bytes, "libraries", MaxBytes, MaxRecords, out var items) is { } problem) return new([], [problem]);
        var errors = new List<ImportError>();
        var records = new List<KbLibraryRecord>();
        var sigels = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in items)
        {
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(index, null, "Posten är inte ett JSON-objekt."));
                continue;
            }
            var r = new KbJson.Fields(item, index, errors);
            var sigel = r.Text("sigel");
            var address = Address(item, index, errors);
            var branch = r.Bool("is_branch") == true || !string.IsNullOrWhiteSpace(r.Text("parent_sigel"));
            var record = new KbLibraryRecord(index, sigel?.Trim() ?? "", r.Text("name")?.Trim(), r.Text("library_type")?.Trim().ToLowerInvariant(),
                r.Text("municipality_code")?.Trim(), r.Text("country_code")?.Trim().ToLowerInvariant(),
                address?.Street, address?.Zip, address?.City, branch);
            if (!r.Ok) continue;
            if (string.IsNullOrWhiteSpace(sigel))
            {
                errors.Add(new(index, "sigel", "Posten saknar sigel."));
                continue;
            }
            if (sigels.TryGetValue(record.Sigel, out var first))
            {
                errors.Add(new(index, "sigel", $"Sigeln {record.Sigel} finns redan i post {first} i filen. Varje bibliotek ska finnas en gång.", record.Sigel));
                continue;
            }
            sigels[record.Sigel] = index;
            records.Add(record);
        }
        return new(records, errors);
    }

    private record AddressParts(string? Street, string? Zip, string? City);

    private static AddressParts? Address(JsonElement item, int index, List<ImportError> errors)
    {
        if (!item.TryGetProperty("address", out var list) || list.ValueKind == JsonValueKind.Null) return null;
        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(index, "address", "Fältet address ska vara en lista med adresser."));
            return null;
        }
        var candidates = list.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).ToList();
        string? TypeOf(JsonElement a) => a.TryGetProperty("address_type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var chosen = candidates.FirstOrDefault(a => TypeOf(a) is "besok" or "gen");
        if (chosen.ValueKind == JsonValueKind.Undefined) chosen = candidates.FirstOrDefault(a => TypeOf(a) == "stat");
        if (chosen.ValueKind == JsonValueKind.Undefined) chosen = candidates.FirstOrDefault();
        if (chosen.ValueKind == JsonValueKind.Undefined) return null;
        var f = new KbJson.Fields(chosen, index, errors, "address.");
        return new(f.Text("street")?.Trim(), f.Text("zip_code")?.Trim(), f.Text("city")?.Trim());
    }
}
