using System.Text;
using Microsoft.AspNetCore.Http;
using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Infrastructure;

public class PdfUploadTests
{
    private static FormFile Upload(byte[] content, string name) =>
        new(new MemoryStream(content), 0, content.Length, "file", name) { Headers = new HeaderDictionary(), ContentType = "application/pdf" };

    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Read_Pdf_ReturnsFileWithChecksum()
    {
        var content = Encoding.ASCII.GetBytes("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
        var (file, error) = await PdfUpload.ReadAsync(Upload(content, "avtal.pdf"), Now, "sara@exempel.se");
        Assert.Null(error);
        Assert.Equal("avtal.pdf", file!.FileName);
        Assert.Equal(content.Length, file.Length);
        Assert.Equal(64, file.Sha256.Length);
    }

    [Fact]
    public async Task Read_WordFileNamedPdf_IsRefused()
    {
        var docx = new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 }; // a zip (DOCX) renamed to .pdf
        var (file, error) = await PdfUpload.ReadAsync(Upload(docx, "avtal.pdf"), Now, null);
        Assert.Null(file);
        Assert.Equal("Filen är inte en PDF. Ladda upp det underskrivna dokumentet som PDF.", error);
    }

    [Fact]
    public async Task Read_Oversize_IsRefused()
    {
        var big = new byte[PdfUpload.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        var (file, error) = await PdfUpload.ReadAsync(Upload(big, "stor.pdf"), Now, null);
        Assert.Null(file);
        Assert.StartsWith("Filen är för stor", error);
    }

    [Fact]
    public async Task Read_NoFile_AsksForOne()
    {
        var (file, error) = await PdfUpload.ReadAsync(null, Now, null);
        Assert.Null(file);
        Assert.Equal("Välj en PDF-fil att ladda upp.", error);
    }
}
