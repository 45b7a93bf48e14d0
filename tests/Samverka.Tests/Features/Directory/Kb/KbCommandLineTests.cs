using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Features.Directory.Kb;

namespace Samverka.Tests.Features.Directory.Kb;

/// <summary>./run import-kb FILE: the same import code, a printed preview, and nothing changed without "ja" or --yes.</summary>
[Collection(AppCollection.Name)]
public class KbCommandLineTests(SamverkaFactory app)
{
    [Fact]
    public async Task ImportKb_PrintsPreview_AsksFirst_ThenImportsWithYes()
    {
        var sigel = "CL-" + UniqueText.Letters(6);
        var path = Path.Combine(Path.GetTempPath(), $"kb-{sigel}.json");
        await File.WriteAllTextAsync(path, $$"""[{"sigel": "{{sigel}}", "name": "Kommandoradsbiblioteket {{sigel}}", "library_type": "sjukbib", "municipality_code": "1983", "country_code": "se"}]""");
        try
        {
            var output = new StringWriter();
            Assert.Equal(3, await KbCommandLine.RunAsync(app.Services, [path], output, new StringReader("nej\n")));
            Assert.Contains($"Ny post 1 {sigel}", output.ToString());
            Assert.Contains("Avbrutet. Ingenting har ändrats.", output.ToString());
            Assert.False(await app.WithDbAsync(db => db.Libraries.AnyAsync(l => l.Sigel == sigel)));

            output = new StringWriter();
            Assert.Equal(0, await KbCommandLine.RunAsync(app.Services, [path, "--yes"], output, new StringReader("")));
            Assert.Contains("Klart: 1 nya", output.ToString());
            Assert.True(await app.WithDbAsync(db => db.Libraries.AnyAsync(l => l.Sigel == sigel && l.Kind == Samverka.Web.Features.Directory.LibraryKind.Sjukhusbibliotek)));
            var id = (await app.WithDbAsync(db => db.Libraries.SingleAsync(l => l.Sigel == sigel))).Id.ToString();
            Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.EntityType == "Library" && a.EntityId == id && a.UserEmail == "system")));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task ImportKb_BadFile_ExitsWithSwedishErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kb-bad-{UniqueText.Letters(6)}.json");
        await File.WriteAllTextAsync(path, "inte json");
        try
        {
            var output = new StringWriter();
            Assert.Equal(1, await KbCommandLine.RunAsync(app.Services, [path, "--yes"], output, new StringReader("")));
            Assert.Contains("inte giltig JSON", output.ToString());
        }
        finally { File.Delete(path); }
    }
}
