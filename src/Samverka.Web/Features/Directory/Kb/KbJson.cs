using System.Text.Json;

namespace Samverka.Web.Features.Directory.Kb;

/// <summary>What KB's two JSON formats share: the list of records, and fields read with a Swedish error for a wrong type.</summary>
public static class KbJson
{
    /// <summary>The records: the file's array, or the array under <paramref name="listProperty"/> of its object. Null when readable.</summary>
    public static ImportError? Parse(byte[] bytes, string listProperty, int maxBytes, int maxRecords, out List<JsonElement> items)
    {
        items = [];
        if (bytes.Length == 0) return new(0, null, "Filen är tom.");
        if (bytes.Length > maxBytes) return new(0, null, $"Filen är för stor. Den får vara högst {maxBytes / 1024 / 1024} MB.");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            return new(0, null, $"Filen är inte giltig JSON (rad {(e.LineNumber ?? 0) + 1}). Ladda upp filen som KB levererar den, utan ändringar.");
        }
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty(listProperty, out var inner)) root = inner;
        if (root.ValueKind != JsonValueKind.Array)
            return new(0, null, $"Filen ska innehålla en lista (JSON-array) med poster, eller ett objekt med listan i ”{listProperty}”.");
        if (root.GetArrayLength() > maxRecords) return new(0, null, $"Filen har fler än {maxRecords:N0} poster. Dela upp den i mindre filer.");
        items = [.. root.EnumerateArray()];
        if (items.Count == 0) return new(0, null, "Filen innehåller inga poster.");
        return null;
    }

    /// <summary>Reads fields of one record; a value of the wrong type is an error on that record and its field.</summary>
    public sealed class Fields(JsonElement item, int index, List<ImportError> errors, string prefix = "")
    {
        public bool Ok { get; private set; } = true;

        public string? Text(string name)
        {
            if (!item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.String)
            {
                var s = v.GetString();
                if (Infrastructure.InputText.HasControlCharacters(s)) return Fail(name, Infrastructure.InputText.ControlCharacterMessage);
                return s;
            }
            return Fail(name, $"Fältet {prefix}{name} ska vara text.");
        }

        public bool? Bool(string name)
        {
            if (!item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            Fail(name, $"Fältet {prefix}{name} ska vara true eller false.");
            return null;
        }

        public decimal? Number(string name)
        {
            if (!item.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)) return d;
            Fail(name, $"Fältet {prefix}{name} ska vara ett tal.");
            return null;
        }

        private string? Fail(string name, string message)
        {
            Ok = false;
            errors.Add(new(index, prefix + name, message));
            return null;
        }
    }
}
