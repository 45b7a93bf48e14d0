using System.Text;

namespace Samverka.Web.Features.Directory;

/// <summary>
/// RFC 4180 parsing with the line number each record starts on (a quoted cell may span lines),
/// so that an error report can point at the line a person sees in their editor.
/// </summary>
public static class CsvParser
{
    public record Record(int Line, string[] Cells);

    public static List<Record> Parse(string text, char delimiter, List<ImportError> errors)
    {
        var records = new List<Record>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        var quoted = false;
        var cellWasQuoted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                if (c == '"') { quoted = false; i++; continue; }
                if (c == '\n') line++;
                cell.Append(c);
                i++;
                continue;
            }
            if (c == '"' && cell.ToString().Trim().Length == 0 && !cellWasQuoted)
            {
                quoted = cellWasQuoted = true;
                cell.Clear();
                i++;
                continue;
            }
            if (c == '"')
            {
                errors.Add(new(line, null, "Raden har ett citattecken (\") på fel ställe. Omge hela cellen med citattecken och skriv citattecken inuti som \"\"."));
                cell.Append(c);
                i++;
                continue;
            }
            if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
                cellWasQuoted = false;
                i++;
                continue;
            }
            if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                i++;
                cells.Add(cell.ToString());
                records.Add(new(recordLine, [.. cells]));
                cells.Clear();
                cell.Clear();
                cellWasQuoted = false;
                line++;
                recordLine = line;
                continue;
            }
            if (!cellWasQuoted) cell.Append(c);
            else if (!char.IsWhiteSpace(c))
            {
                errors.Add(new(line, null, "Raden har text direkt efter ett avslutande citattecken (\"). Omge hela cellen med citattecken."));
                cellWasQuoted = false; // report once per cell and keep the text rather than lose it
                cell.Append(c);
            }
            i++;
        }
        if (quoted)
            errors.Add(new(recordLine, null, "Ett citattecken (\") avslutas aldrig. Kontrollera att varje cell som börjar med \" också slutar med \"."));
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add(new(recordLine, [.. cells]));
        }
        // Blank lines carry no data; dropping them here keeps line numbers intact for the rest.
        return records.Where(r => !(r.Cells.Length == 1 && r.Cells[0].Trim().Length == 0)).ToList();
    }
}
