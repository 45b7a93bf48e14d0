using System.Text;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Directory.Libraries;

namespace Samverka.Tests.Features.Directory;

public class CsvImportReaderTests
{
    private static CsvSheet Read(byte[] bytes) => CsvImportReader.Read(bytes, LibraryImport.Columns, ["namn", "typ", "kommunkod"]);
    private static CsvSheet Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Read_SemicolonWithBom_ParsesRowsWithLineNumbers()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Namn;Typ;Kommunkod\r\nA-bibliotek;Folkbibliotek;1280\r\n\r\nB;Filial;0114\r\n")).ToArray();
        var sheet = Read(bytes);
        Assert.Empty(sheet.Errors);
        Assert.Equal([2, 4], sheet.Rows.Select(r => r.Line));
        Assert.Equal("A-bibliotek", sheet.Rows[0]["namn"]);
        Assert.Equal("0114", sheet.Rows[1]["kommunkod"]);
    }

    [Fact]
    public void Read_CommaSeparatedWithQuotes_KeepsSeparatorsAndLineBreaksInsideQuotes()
    {
        var sheet = Read("namn,typ,kommunkod,adress\n\"Bibliotek, norra\",Filial,1280,\"Gatan 1\nandra raden\"\nC,Filial,1280,\"Säg \"\"hej\"\"\"\n");
        Assert.Empty(sheet.Errors);
        Assert.Equal("Bibliotek, norra", sheet.Rows[0]["namn"]);
        Assert.Equal("Gatan 1\nandra raden", sheet.Rows[0]["adress"]);
        Assert.Equal(4, sheet.Rows[1].Line);
        Assert.Equal("Säg \"hej\"", sheet.Rows[1]["adress"]);
    }

    [Fact]
    public void Read_Windows1252FromOldExcel_DecodesSwedishLetters()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes("namn;typ;kommunkod\nHöörs bibliotek;Folkbibliotek;1267\n");
        var sheet = Read(bytes);
        Assert.Empty(sheet.Errors);
        Assert.Equal("Höörs bibliotek", sheet.Rows[0]["namn"]);
    }

    [Fact]
    public void Read_MissingRequiredColumn_ReportsItByName()
    {
        var sheet = Read("namn;typ\nA;Filial\n");
        var error = Assert.Single(sheet.Errors);
        Assert.Equal("kommunkod", error.Column);
        Assert.Contains("saknas", error.Message);
    }

    [Fact]
    public void Read_ExportedNeutralisedCell_LosesTheApostrophe()
    {
        var sheet = Read("namn;typ;kommunkod\n'=Bibliotek;Filial;1280\n'Citat;Filial;1280\n");
        Assert.Equal("=Bibliotek", sheet.Rows[0]["namn"]);
        Assert.Equal("'Citat", sheet.Rows[1]["namn"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("namn;typ;kommunkod\n")]
    [InlineData("namn;typ;kommunkod\n\"Oavslutad;Filial;1280\n")]
    [InlineData("namn;typ;kommunkod\n\"A\"x;Filial;1280\n")]
    public void Read_BrokenFile_ReportsAnError(string text)
    {
        Assert.NotEmpty(Read(text).Errors);
    }

    [Fact]
    public void Read_XlsxInsteadOfCsv_SaysSoInSwedish()
    {
        var sheet = Read([(byte)'P', (byte)'K', 3, 4, 0, 0, 1, 2]);
        Assert.Contains("inte en textfil", Assert.Single(sheet.Errors).Message);
    }
}
