using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory.People;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// One agreement: its document, follow-ups, project agreements and versions; the Word file and the signed
/// PDF; and the lifecycle actions (terminate, amend, copy for the next period, attach the signed PDF).
/// Out of the user's scope it does not exist (404); actions need the region's coordinator (403).
/// </summary>
[Authorize]
public class DetailsModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel, IVersionedForm
{
    [FromRoute] public int Id { get; set; }
    public Agreement Agreement { get; private set; } = null!;
    public List<Agreement> Versions { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public AgreementStatus Status { get; private set; }
    public bool CanManage { get; private set; }
    public bool EndsSoon { get; private set; }
    public Dictionary<int, string> ActivityTitles { get; private set; } = [];

    [BindProperty] public string? TerminatedOn { get; set; }
    [BindProperty] public string? TerminationReason { get; set; }
    [BindProperty] public uint? Version { get; set; }
    [BindProperty] public IFormFile? SignedPdf { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(tracked: false) ? Page() : NotFound();

    /// <summary>The Word document, laid out like seeds 000 and 001.</summary>
    public async Task<IActionResult> OnGetDocxAsync()
    {
        if (!await LoadAsync(tracked: false)) return NotFound();
        return File(AgreementDocument.Build(Agreement), AgreementDocument.ContentType, AgreementContent.FileName(Agreement, "docx"));
    }

    /// <summary>The agreement as a tagged PDF in the seeds' layout, from the same content as the Word file.</summary>
    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!await LoadAsync(tracked: false)) return NotFound();
        return File(AgreementContent.Pdf(Agreement, PublicUrl.Base(Request)), Pdf.ContentType, AgreementContent.FileName(Agreement, "pdf"));
    }

    /// <summary>The signed PDF someone uploaded, only to those who may read the agreement (LoadAsync answers 404 to others).</summary>
    public async Task<IActionResult> OnGetSignedPdfAsync()
    {
        if (!await LoadAsync(tracked: false)) return NotFound();
        if (Agreement.SignedFileId is not int fileId) return NotFound();
        var file = await db.StoredFiles.AsNoTracking().FirstAsync(f => f.Id == fileId);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostTerminateAsync()
    {
        if (!await LoadAsync(tracked: true)) return NotFound();
        if (!CanManage) return Forbid();
        var errors = new Dictionary<string, string>();
        var date = AgreementValidation.ParseDate(TerminatedOn, nameof(TerminatedOn), "datum då överenskommelsen upphör", errors);
        var reason = TerminationReason?.Trim() ?? "";
        if (Agreement.SignedOn is null || Agreement.TerminatedOn is not null)
            errors[""] = "Bara en undertecknad överenskommelse som inte redan är uppsagd kan sägas upp.";
        if (date is { } d && (d < Agreement.ValidFrom || d > Agreement.ValidTo))
            errors[nameof(TerminatedOn)] = $"Datumet måste ligga inom perioden {Agreement.ValidFrom:yyyy-MM-dd} – {Agreement.ValidTo:yyyy-MM-dd}.";
        if (reason.Length == 0) errors[nameof(TerminationReason)] = "Ange skälet till att överenskommelsen upphör i förtid.";
        else if (PersonValidation.ContainsPersonalIdentityNumber(reason)) errors[nameof(TerminationReason)] = PersonValidation.PersonalIdentityNumberMessage;
        if (errors.Count > 0) return Invalid(errors);
        OptimisticConcurrency.Expect(db, Agreement, Version);
        Agreement.TerminatedOn = date;
        Agreement.TerminationReason = reason;
        Agreement.UpdatedAt = clock.GetUtcNow();
        return await SaveAsync("Överenskommelsen är uppsagd.", Agreement.Id);
    }

    /// <summary>An amendment: a new draft version linked to the first; the signed versions stay as they are.</summary>
    public async Task<IActionResult> OnPostAmendAsync()
    {
        if (!await LoadAsync(tracked: false)) return NotFound();
        if (!CanManage) return Forbid();
        if (Agreement.SignedOn is null) return Invalid(new() { [""] = "Ett utkast ändras direkt; bara en undertecknad överenskommelse ändras genom en ny version." });
        if (Versions.FirstOrDefault(v => v.SignedOn is null) is { } draft)
            return Invalid(new() { [""] = $"Det finns redan ett utkast till ändring (version {draft.VersionNumber}). Arbeta vidare i det." });
        var copy = AgreementRules.CopyAsDraft(Agreement, clock.GetUtcNow());
        copy.AmendsAgreementId = Agreement.AmendsAgreementId ?? Agreement.Id;
        copy.VersionNumber = Versions.Max(v => v.VersionNumber) + 1;
        AgreementRules.Reschedule(copy);
        db.Agreements.Add(copy);
        return await SaveAsync($"Version {copy.VersionNumber} har skapats som utkast. Den tidigare versionen gäller tills ändringen är undertecknad.", null, copy);
    }

    /// <summary>Renewal: the content as a new draft for the period after this one (same length), without registry number.</summary>
    public async Task<IActionResult> OnPostRenewAsync()
    {
        if (!await LoadAsync(tracked: false)) return NotFound();
        if (!CanManage) return Forbid();
        if (Agreement.SignedOn is null) return Invalid(new() { [""] = "Bara en undertecknad överenskommelse kan förnyas." });
        var copy = AgreementRules.CopyAsDraft(Agreement, clock.GetUtcNow());
        copy.RegistryNumber = null;
        copy.ValidFrom = Agreement.ValidTo.AddDays(1);
        copy.ValidTo = copy.ValidFrom.AddDays(Agreement.ValidTo.DayNumber - Agreement.ValidFrom.DayNumber);
        AgreementRules.Reschedule(copy);
        db.Agreements.Add(copy);
        return await SaveAsync($"Ett nytt utkast för perioden {copy.ValidFrom:yyyy-MM-dd} – {copy.ValidTo:yyyy-MM-dd} har skapats.", null, copy);
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (!await LoadAsync(tracked: true)) return NotFound();
        if (!CanManage) return Forbid();
        if (Agreement.SignedOn is null) return Invalid(new() { [nameof(SignedPdf)] = "Underteckna överenskommelsen i Samverka innan du bifogar den underskrivna PDF:en." });
        var (file, error) = await PdfUpload.ReadAsync(SignedPdf, clock.GetUtcNow(), user.Scope.Email);
        if (file is null) return Invalid(new() { [nameof(SignedPdf)] = error! });
        OptimisticConcurrency.Expect(db, Agreement, Version);
        Agreement.SignedFile = file;
        Agreement.UpdatedAt = clock.GetUtcNow();
        return await SaveAsync($"Den underskrivna PDF:en {file.FileName} har bifogats.", Agreement.Id);
    }

    private async Task<IActionResult> SaveAsync(string notice, int? id, Agreement? created = null)
    {
        if (!await OptimisticConcurrency.TrySaveAsync(db))
        {
            if (!await LoadAsync(tracked: false)) return NotFound();
            this.RefuseStale("Någon annan har ändrat överenskommelsen medan du tittade på den, så ingenting sparades. Kontrollera och försök igen.", Agreement.Version);
            return Page();
        }
        TempData["Notice"] = notice;
        return Redirect($"/overenskommelser/{id ?? created!.Id}");
    }

    private IActionResult Invalid(Dictionary<string, string> errors, int status = StatusCodes.Status400BadRequest)
    {
        foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(bool tracked)
    {
        if (await AgreementLoader.LoadAsync(db, user.Scope, Id, tracked) is not { } a) return false;
        Agreement = a;
        Today = SwedishTimeZone.Today(clock);
        Status = AgreementRules.StatusOn(a, Today);
        CanManage = AgreementRules.CanManage(user.Scope, a.CountyCode);
        EndsSoon = AgreementRules.EndsSoon(a, Today);
        var root = a.AmendsAgreementId ?? a.Id;
        Versions = await db.Agreements.AsNoTracking().Where(x => x.Id == root || x.AmendsAgreementId == root).OrderBy(x => x.VersionNumber).ToListAsync();
        Version ??= a.Version;
        return true;
    }
}
