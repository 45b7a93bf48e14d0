using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Samverka.Web.Features.Directory;

/// <summary>Reads an uploaded import file, or explains in Swedish why there is nothing to read.</summary>
public static class UploadedBytes
{
    public static async Task<byte[]?> ReadAsync(IFormFile? upload, ModelStateDictionary modelState, CancellationToken ct,
        int maxBytes = CsvImportReader.MaxBytes, string missing = "Välj en CSV-fil att importera.")
    {
        if (upload is null || upload.Length == 0)
        {
            modelState.AddModelError("Upload", upload is null ? missing : "Filen är tom.");
            return null;
        }
        if (upload.Length > maxBytes)
        {
            modelState.AddModelError("Upload", $"Filen är för stor. Den får vara högst {maxBytes / 1024 / 1024} MB.");
            return null;
        }
        using var ms = new MemoryStream();
        await upload.CopyToAsync(ms, ct);
        return ms.ToArray();
    }
}
