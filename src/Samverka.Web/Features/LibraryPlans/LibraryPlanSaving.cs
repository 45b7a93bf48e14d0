using Microsoft.AspNetCore.Mvc.ModelBinding;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>What the create and edit pages share: validating the form and the optional PDF, and applying both.</summary>
public static class LibraryPlanSaving
{
    /// <returns>The checked values and the uploaded file (if any), or null with the errors in <paramref name="modelState"/>.</returns>
    public static async Task<(LibraryPlanForm.Valid? Value, StoredFile? File)> ValidateAsync(LibraryPlanForm input, IFormFile? upload, ModelStateDictionary modelState,
        DateTimeOffset now, string? user, CancellationToken ct)
    {
        var (valid, errors) = input.Validate();
        foreach (var (field, message) in errors) modelState.AddModelError($"Input.{field}", message);
        StoredFile? file = null;
        if (upload is { Length: > 0 })
        {
            var (read, error) = await PdfUpload.ReadAsync(upload, now, user, ct);
            if (error is not null) modelState.AddModelError("Upload", error);
            file = read;
        }
        return modelState.ErrorCount > 0 ? (null, null) : (valid, file);
    }

    public static void Apply(LibraryPlanForm.Valid valid, StoredFile? file, LibraryPlan plan, DateTimeOffset now)
    {
        LibraryPlanForm.Apply(valid, plan);
        plan.ReportedOn ??= SwedishTimeZone.Today(now);
        if (file is not null) plan.File = file;
        plan.UpdatedAt = now;
    }
}
