using System.Globalization;
using System.Text;
using System.Xml;
using CsvHelper;
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

    /// <summary>
    /// Semicolons and CRLF; fields quoted when they hold a semicolon, quote, CR or LF. Numbers with an ASCII minus,
    /// no digit grouping (sv-SE would use U+2212 and a no-break space, which Excel reads as text) and a decimal comma,
    /// because Swedish Excel reads "3.5" as the date 3 May.
    /// </summary>
    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with
    {
        Separator = ';',
        NewLine = "\r\n",
        FormatProvider = new NumberFormatInfo { NumberDecimalSeparator = ",", NegativeSign = "-" },
        ValidateFieldCount = false,
    };

    public static byte[] CsvBytes(ExportTable table)
    {
        using var bytes = new MemoryStream();
        using (var csv = CsvWriter.Create(bytes, CsvOptions with { WriteByteOrderMark = true }))
        {
            WriteRecord(csv, table.Headers);
            foreach (var row in table.Rows) WriteRecord(csv, row);
        }
        return bytes.ToArray();
    }

    private static void WriteRecord(CsvWriter csv, IEnumerable<object?> cells)
    {
        foreach (var cell in cells) WriteCell(csv, cell);
        csv.EndRecord();
    }

    /// <summary>
    /// Text that a spreadsheet would read as a formula (starting with = + - @ tab or CR) gets a
    /// leading apostrophe (OWASP CSV injection), without the quotes CsvHelper's own escaping adds.
    /// Numbers are not neutralised.
    /// </summary>
    private static void WriteCell(CsvWriter csv, object? value)
    {
        if (IsNumber(value)) csv.WriteField(value);
        else csv.WriteField(Neutralise(CellText(value)));
    }

    /// <summary>One cell as it appears in the CSV file.</summary>
    public static string CsvCell(object? value)
    {
        using var text = new StringWriter();
        using var csv = CsvWriter.Create(text, CsvOptions, true);
        WriteCell(csv, value);
        csv.Flush(); // the field without ending the record
        return text.ToString();
    }

    private static bool IsNumber(object? v) =>
        v is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;

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
