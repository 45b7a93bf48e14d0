using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory.Libraries;

namespace Samverka.Tests.Infrastructure;

/// <summary>CSV and XLSX as written by <see cref="Export"/>: unit tests, no app needed.</summary>
public class ExportTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static ExportTable Table(params object?[][] rows) => new(["Namn", "Värde"], rows);

    private static string CsvText(ExportTable table)
    {
        var bytes = Export.CsvBytes(table);
        Assert.Equal(Bom, bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    [Fact]
    public void Csv_StartsWithBomAndUsesSemicolonsAndCrlf()
    {
        var text = CsvText(Table(["Malmö", 365644], ["Åre", 11935]));
        Assert.Equal("Namn;Värde\r\nMalmö;365644\r\nÅre;11935\r\n", text);
    }

    [Theory]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("=HYPERLINK(\"https://evil.example\")", "\"'=HYPERLINK(\"\"https://evil.example\"\")\"")]
    [InlineData("+46 40 123 45", "'+46 40 123 45")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\tflik", "'\tflik")]
    [InlineData("\rretur", "\"'\rretur\"")]
    [InlineData("vanlig text", "vanlig text")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void CsvCell_NeutralisesFormulaStarts(string value, string expected)
    {
        Assert.Equal(expected, Export.CsvCell(value));
    }

    [Theory]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("säg \"hej\"", "\"säg \"\"hej\"\"\"")]
    [InlineData("rad 1\nrad 2", "\"rad 1\nrad 2\"")]
    [InlineData("rad 1\r\nrad 2", "\"rad 1\r\nrad 2\"")]
    public void CsvCell_QuotesSeparatorsQuotesAndNewlines(string value, string expected)
    {
        Assert.Equal(expected, Export.CsvCell(value));
    }

    [Fact]
    public void CsvCell_LeavesNumbersAlone()
    {
        Assert.Equal("-5", Export.CsvCell(-5));
        Assert.Equal("-5000000000", Export.CsvCell(-5_000_000_000L));
        Assert.Equal("0", Export.CsvCell(0));
        Assert.Equal("290", Export.CsvCell(290));
        Assert.Equal("-7", Export.CsvCell((short)-7));
        // Without thousands separators (sv-SE would group with a no-break space).
        Assert.Equal("365644", Export.CsvCell(365644));
    }

    [Fact]
    public void CsvCell_DecimalsUseDecimalCommaForSwedishExcel()
    {
        // Swedish Excel reads "3.5" as the date 3 May; "3,5" is the number.
        Assert.Equal("3,5", Export.CsvCell(3.5m));
        Assert.Equal("-1,25", Export.CsvCell(-1.25));
        Assert.Equal("0,5", Export.CsvCell(0.5f));
        Assert.DoesNotContain('\u2212', Export.CsvCell(-1.25)); // never the sv-SE Unicode minus sign
    }

    [Fact]
    public void CsvCell_FormatsOtherValues()
    {
        Assert.Equal("", Export.CsvCell(null));
        Assert.Equal("ja", Export.CsvCell(true));
        Assert.Equal("nej", Export.CsvCell(false));
        Assert.Equal("2026-03-01", Export.CsvCell(new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void Csv_WholeFile_NeutralisesAndQuotesPerCell()
    {
        var text = CsvText(new ExportTable(["=Rubrik", "Antal"], [["=1+1", -3], ["a;b", 4], [null, 5]]));
        Assert.Equal("'=Rubrik;Antal\r\n'=1+1;-3\r\n\"a;b\";4\r\n;5\r\n", text);
    }

    internal static List<List<string>> ReadXlsx(byte[] bytes, out string sheetName)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = doc.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        sheetName = sheet.Name!.Value!;
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        return part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString
                ? c.InlineString!.Text!.Text
                : c.CellValue!.Text).ToList())
            .ToList();
    }

    [Fact]
    public void Xlsx_OpensAndHoldsHeaderAndValues()
    {
        var bytes = Export.XlsxBytes(new ExportTable(["Kommun", "Befolkning", "Andel"], [["Malmö", 365644, 0.5m], ["=1+1", -5, -1.25]]), "Kommuner");
        var rows = ReadXlsx(bytes, out var sheetName);
        Assert.Equal("Kommuner", sheetName);
        Assert.Equal(["Kommun", "Befolkning", "Andel"], rows[0]);
        Assert.Equal(["Malmö", "365644", "0.5"], rows[1]);
        Assert.Equal(["=1+1", "-5", "-1.25"], rows[2]);

        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var cells = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
        Assert.DoesNotContain(cells, c => c.CellFormula is not null); // text is never a formula
        Assert.Equal(CellValues.Number, cells.First(c => c.CellValue?.Text == "365644").DataType!.Value);
    }

    [Fact]
    public void Xlsx_StripsCharactersXmlCannotHold()
    {
        var bytes = Export.XlsxBytes(new ExportTable(["Namn"], [["Ring\u0007klocka\u0000"], ["Flik\tkvar"], ["Icke\uFFFEtecken\uFFFF"], ["Emoji 📚 kvar"]]), "Blad");
        var rows = ReadXlsx(bytes, out _);
        Assert.Equal("Ringklocka", rows[1][0]);
        Assert.Equal("Flik\tkvar", rows[2][0]);
        Assert.Equal("Icketecken", rows[3][0]);
        Assert.Equal("Emoji 📚 kvar", rows[4][0]);
    }
}

/// <summary>The export handlers of the list pages.</summary>
[Collection(AppCollection.Name)]
public class ExportDownloadTests(SamverkaFactory app)
{
    private static void AssertDownload(HttpResponseMessage response, string contentType, string baseName, string extension)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches($@"^{baseName}-\d{{4}}-\d{{2}}-\d{{2}}\.{extension}$", disposition.FileName!.Trim('"'));
    }

    private static List<string> CsvLines(byte[] bytes)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n").Where(l => l.Length > 0).ToList();
    }

    [Fact]
    public async Task Get_LibrariesCsv_DownloadsCsvWithImportColumns()
    {
        var response = await app.Anonymous().GetAsync("/bibliotek?handler=Csv");
        AssertDownload(response, "text/csv; charset=utf-8", "bibliotek", "csv");
        var lines = CsvLines(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(string.Join(';', LibraryCsv.Columns), lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Malmö stadsbibliotek;Folkbibliotek;1280;Kung Oscars väg 11;211 46;Malmö;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_LibrariesCsvFiltered_HoldsOnlyTheFilteredRowsAndNeutralisesFormulas()
    {
        var admin = await app.SignedInAs(Roles.Admin);
        var name = $"=HYPERLINK(\"https://evil.example\";\"{UniqueText.Letters(20)}\")";
        var created = await admin.PostAsJsonAsync("/api/v1/libraries", new { name, kind = "Filial", municipalityCode = "2584" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var response = await app.Anonymous().GetAsync("/bibliotek?handler=Csv&kommun=2584");
        var lines = CsvLines(await response.Content.ReadAsByteArrayAsync());
        Assert.All(lines.Skip(1), l => Assert.Contains(";2584;", l));
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK(", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("=", StringComparison.Ordinal) || l.StartsWith("\"=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_LibrariesXlsx_DownloadsWorkbook()
    {
        var response = await app.Anonymous().GetAsync("/bibliotek?handler=Xlsx");
        AssertDownload(response, Export.XlsxContentType, "bibliotek", "xlsx");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Equal("Bibliotek", doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
    }

    [Fact]
    public async Task Get_MunicipalitiesXlsx_DownloadsAll290()
    {
        var response = await app.Anonymous().GetAsync("/kommuner?handler=Xlsx");
        AssertDownload(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "kommuner", "xlsx");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(291, rows.Count);
        Assert.Equal("Kommunkod", rows[0].Elements<Cell>().First().InlineString!.Text!.Text);
        var malmo = rows.Single(r => r.Elements<Cell>().First().InlineString?.Text?.Text == "1280").Elements<Cell>().ToList();
        Assert.Equal("Malmö", malmo[1].InlineString!.Text!.Text);
        Assert.Equal("365644", malmo[4].CellValue!.Text);
        Assert.Equal(CellValues.Number, malmo[4].DataType!.Value);
    }

    [Fact]
    public async Task Get_MunicipalitiesCsvForCounty_DownloadsCountyOnly()
    {
        var response = await app.Anonymous().GetAsync("/kommuner?handler=Csv&lan=19");
        AssertDownload(response, "text/csv; charset=utf-8", "kommuner", "csv");
        var lines = CsvLines(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(11, lines.Count);
        Assert.Contains(lines, l => Regex.IsMatch(l, "^1980;Västerås;19;Västmanlands län;[0-9]+;[0-9]+;[0-9]+$"));
    }
}
