using System.Text;
using Samverka.Web.Features.Directory;
using Samverka.Web.Features.Directory.Libraries;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Features.Directory;

/// <summary>The Swedish error list of a broken file: which problem, on which line, for each record that has one.</summary>
public class CsvImportReaderLineTests
{
    private static CsvSheet Read(string text) =>
        CsvImportReader.Read(Encoding.UTF8.GetBytes(text), LibraryImport.Columns, ["namn", "typ", "kommunkod"]);

    [Theory]
    [InlineData("namn;typ;kommunkod\nA;Filial;1280\nB\"x;Filial;1280\n", 3, "på fel ställe")]
    [InlineData("namn;typ;kommunkod\nA;Filial;1280\n\n\"B\"x;Filial;1280\n", 4, "text direkt efter")]
    [InlineData("namn;typ;kommunkod\n\"A\nB\";Filial;1280\n\"Oavslutad;Filial;1280\n", 4, "avslutas aldrig")]
    public void Read_BrokenQuoting_ReportsTheReasonAndTheLineTheRecordStartsOn(string text, int line, string message)
    {
        var error = Assert.Single(Read(text).Errors);
        Assert.Equal(line, error.Line);
        Assert.Null(error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TooManyCells_ReportsTheLine_AfterMultiLineCellsAndBlankLines()
    {
        var sheet = Read("namn;typ;kommunkod\r\n\"Gata 1\r\nrad två\";Filial;1280\r\n\r\n   \r\nC;Filial;1280;extra\r\n");
        var error = Assert.Single(sheet.Errors);
        Assert.Equal(6, error.Line);
        Assert.Contains("4 celler men rubrikraden har 3", error.Message, StringComparison.Ordinal);
        Assert.Equal([2, 6], sheet.Rows.Select(r => r.Line));
    }

    [Fact]
    public void Read_SemicolonFileWithCommasInCells_KeepsTheCommas()
    {
        var sheet = Read("Namn;Typ;Kommunkod;Adress\nStadsbiblioteket, Västerås;Folkbibliotek;1980;Biskopsgatan 2, Västerås\n");
        Assert.Empty(sheet.Errors);
        Assert.Equal("Stadsbiblioteket, Västerås", sheet.Rows[0]["namn"]);
        Assert.Equal("Biskopsgatan 2, Västerås", sheet.Rows[0]["adress"]);
    }

    [Fact]
    public void Read_SpacesAroundQuotedCells_AreIgnored()
    {
        var sheet = Read("namn;typ;kommunkod\n  \"A; B\"  ;Filial; 1280 \n");
        Assert.Empty(sheet.Errors);
        Assert.Equal("A; B", sheet.Rows[0]["namn"]);
        Assert.Equal("1280", sheet.Rows[0]["kommunkod"]);
    }

    [Fact]
    public void Read_MissingColumn_NamesTheColumnsWithTheFilesSeparator()
    {
        var error = Assert.Single(Read("namn,typ\nA,Filial\n").Errors);
        Assert.Contains("Rubrikraden ska innehålla: namn,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhatTheExportWrote_ImportsUnchanged()
    {
        var export = Export.CsvBytes(new ExportTable(["Namn", "Typ", "Kommunkod", "Adress"],
            [["=Bibliotek", "Filial", "0114", "Gatan 1\r\nandra raden; \"uppgång B\""], ["-Filialen-", "Filial", "1280", null]]));
        var sheet = CsvImportReader.Read(export, LibraryImport.Columns, ["namn", "typ", "kommunkod"]);
        Assert.Empty(sheet.Errors);
        Assert.Equal(["=Bibliotek", "-Filialen-"], sheet.Rows.Select(r => r["namn"]));
        Assert.Equal("Gatan 1\r\nandra raden; \"uppgång B\"", sheet.Rows[0]["adress"]);
        Assert.Equal("0114", sheet.Rows[0]["kommunkod"]);
        Assert.Equal([2, 4], sheet.Rows.Select(r => r.Line));
    }
}
