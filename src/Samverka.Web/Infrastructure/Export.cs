using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;

namespace Samverka.Web.Infrastructure;

/// <summary>A list as it is exported: column headings and one array of cell values per row.</summary>
public record ExportTable(IReadOnlyList<string> Headers, IEnumerable<object?[]> Rows);

/// <summary>
/// CSV as Swedish Excel reads it (UTF-8 with BOM, semicolons, CRLF) and XLSX. Every list page
/// exports through here so the safety rules are in one place.
/// </summary>
public static class Export
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static FileContentResult Csv(ExportTable table, string baseName) =>
        new(CsvBytes(table), CsvContentType) { FileDownloadName = FileName(baseName, "csv") };

    public static FileContentResult Xlsx(ExportTable table, string baseName, string sheetName) =>
        new(XlsxBytes(table, sheetName), XlsxContentType) { FileDownloadName = FileName(baseName, "xlsx") };

    private static string FileName(string baseName, string ext) =>
        $"{baseName}-{DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{ext}";

    public static byte[] CsvBytes(ExportTable table)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(';', table.Headers.Select(h => CsvCell(h))).Append("\r\n");
        foreach (var row in table.Rows)
            sb.AppendJoin(';', row.Select(CsvCell)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>
    /// Text that a spreadsheet would read as a formula (starting with = + - @ tab or CR) gets a
    /// leading apostrophe (OWASP CSV injection). Numbers are not neutralised: they are written with
    /// an ASCII minus and no digit grouping (sv-SE would use U+2212 and a no-break space, which Excel
    /// reads as text), and with a decimal comma, because Swedish Excel reads "3.5" as the date 3 May.
    /// </summary>
    public static string CsvCell(object? value)
    {
        var text = IsNumber(value) ? CsvNumber(value!) : Neutralise(CellText(value));
        return text.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    private static bool IsNumber(object? v) =>
        v is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;

    private static string CsvNumber(object v)
    {
        var text = CellText(v);
        return v is float or double or decimal ? text.Replace('.', ',') : text;
    }

    public static string Neutralise(string s) =>
        s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    public static byte[] XlsxBytes(ExportTable table, string sheetName)
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(table.Headers.Cast<object?>(), header: true));
            foreach (var r in table.Rows) data.Append(Row(r, header: false));
            ws.Worksheet = new Worksheet(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }), data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = sheetName }));
            wb.Workbook.Save();
        }
        return ms.ToArray();
    }

    private static Row Row(IEnumerable<object?> values, bool header)
    {
        var row = new Row();
        foreach (var v in values)
        {
            var cell = v switch
            {
                _ when IsNumber(v) => new Cell { DataType = CellValues.Number, CellValue = new CellValue(CellText(v)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(XmlSafe(CellText(v))) { Space = SpaceProcessingModeValues.Preserve }) },
            };
            if (header) cell.StyleIndex = 1;
            row.Append(cell);
        }
        return row;
    }

    private static string CellText(object? v) => v switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "ja" : "nej",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// <summary>
    /// XML 1.0 cannot hold most control characters, U+FFFE, U+FFFF or a lone surrogate; a stray one
    /// would stop the export with an exception. They are dropped; surrogate pairs (emoji) are kept.
    /// </summary>
    private static string XmlSafe(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (XmlConvert.IsXmlChar(c)) sb.Append(c);
            else if (i + 1 < s.Length && XmlConvert.IsXmlSurrogatePair(s[i + 1], c)) sb.Append(c).Append(s[++i]);
        }
        return sb.ToString();
    }
}
