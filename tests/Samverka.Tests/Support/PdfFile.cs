using System.Diagnostics;
using System.Net;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Samverka.Tests.Support;

/// <summary>
/// A PDF served by Samverka, read back as a reader would: its text by Debian's pdftotext and its title by pdfinfo, its images and fonts by pdfimages and pdffonts
/// (poppler-utils, installed by ./test), its catalogue (language, structure tree) by PDFsharp's reader.
/// </summary>
public sealed record PdfFile(byte[] Bytes, string Text, string Title, string FileName, int Images, string Fonts, PdfDocument Document)
{
    /// <summary>The text with runs of white space (line breaks, no-break spaces) as one space, for phrases that wrap.</summary>
    public string Flat => System.Text.RegularExpressions.Regex.Replace(Text, @"\s+", " ");

    public string? Language => Document.Internals.Catalog.Elements.GetString("/Lang");

    /// <summary>The structure types under the document's StructTreeRoot, in reading order ("H1", "P", "Figure" …).</summary>
    public List<PdfDictionary> StructureElements()
    {
        var found = new List<PdfDictionary>();
        void Walk(PdfItem? item)
        {
            if (item is PdfReference r) item = r.Value;
            if (item is PdfArray array) { foreach (var child in array.Elements) Walk(child); return; }
            if (item is not PdfDictionary d) return;
            if (d.Elements.GetName("/Type") is "/StructElem" || d.Elements.ContainsKey("/S")) found.Add(d);
            Walk(d.Elements["/K"]);
        }
        var root = Document.Internals.Catalog.Elements.GetDictionary("/StructTreeRoot");
        Walk(root?.Elements["/K"]);
        return found;
    }

    public List<string> StructureTypes() => StructureElements().Select(e => e.Elements.GetName("/S")).ToList();

    public static async Task<PdfFile> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? "";
        // Kept under its own name for a look at the layout (the temp folder's samverka-*.pdf).
        var path = Path.Combine(Path.GetTempPath(), $"samverka-{Guid.NewGuid():N}-{Path.GetFileName(name.Trim('"'))}");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            var text = await RunAsync("pdftotext", "-enc", "UTF-8", path, "-");
            var info = await RunAsync("pdfinfo", "-enc", "UTF-8", path);
            var title = info.Split('\n').FirstOrDefault(l => l.StartsWith("Title:", StringComparison.Ordinal))?["Title:".Length..].Trim() ?? "";
            var images = (await RunAsync("pdfimages", "-list", path)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 2; // below a two-line header
            var fonts = await RunAsync("pdffonts", path);
            return new(bytes, text, title, name.Trim('"'), images, fonts, PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import));
        }
        finally { File.Move(path, Path.Combine(Path.GetTempPath(), $"samverka-{Path.GetFileName(name.Trim('"'))}"), overwrite: true); }
    }

    /// <summary>The PDF is refused exactly as its page is (404, or the sign-in redirect), and nothing of it is sent.</summary>
    public static async Task AssertRefusedLikeThePageAsync(HttpClient client, string pageUrl, string pdfUrl)
    {
        var page = await client.GetAsync(pageUrl);
        var pdf = await client.GetAsync(pdfUrl);
        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(page.StatusCode, pdf.StatusCode);
        Assert.Equal(page.Headers.Location?.AbsolutePath, pdf.Headers.Location?.AbsolutePath);
        Assert.NotEqual("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (poppler-utils missing?)");
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {await error}");
        return await output;
    }
}
