using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Directory.Kb;

/// <summary>
/// Upload a KB file (the library register or the library statistics), see what it would change, confirm. The file
/// waits in the database (kb_uploads) between preview and confirmation; nothing else changes until then.
/// </summary>
[RequestSizeLimit(KbRegister.MaxBytes + 64 * 1024)]
public class ImportModel(AppDbContext db, IOutputCacheStore cache, CurrentUser user) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public int UploadId { get; set; }
    [BindProperty, NotFreeText("SHA-256 checksum of the previewed plan, compared as is")] public string? PlanHash { get; set; }
    /// <summary>The sigels of the offered name matches the person confirms.</summary>
    [BindProperty] public List<string> Match { get; set; } = [];

    public KbPlan? Plan { get; private set; }
    public StatisticsPlan? Statistics { get; private set; }
    public List<ImportError> Errors { get; private set; } = [];

    public void OnGet() { }

    /// <summary>The preview: reads and plans the file, stores it for the confirmation, changes nothing else.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var bytes = await UploadedBytes.ReadAsync(Upload, ModelState, ct, KbRegister.MaxBytes, "Välj en JSON-fil från KB att importera.");
        if (bytes is null) return BadRequestPage();
        if (!await PlanAsync(bytes, new HashSet<string>(), ct)) return BadRequestPage();
        db.KbUploads.RemoveRange(db.KbUploads.Where(u => u.CreatedAt < DateTimeOffset.UtcNow.AddDays(-1) || u.UserId == (user.Scope.UserId ?? "")));
        var upload = new KbUpload { UserId = user.Scope.UserId ?? "", FileName = Path.GetFileName(Upload!.FileName ?? "kb.json"), Content = bytes, CreatedAt = DateTimeOffset.UtcNow };
        db.KbUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        UploadId = upload.Id;
        PlanHash = Plan?.Hash() ?? Statistics!.Hash();
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        var upload = await db.KbUploads.FirstOrDefaultAsync(u => u.Id == UploadId && u.UserId == (user.Scope.UserId ?? ""), ct);
        if (upload is null)
        {
            Errors = [new(0, null, "Förhandsgranskningen finns inte längre (den sparas i ett dygn). Ladda upp filen igen.")];
            return BadRequestPage();
        }
        var matches = Match.ToHashSet(StringComparer.Ordinal);
        if (!await PlanAsync(upload.Content, matches, ct)) return BadRequestPage();
        var hash = Plan?.Hash() ?? Statistics!.Hash();
        if (hash != PlanHash)
        {
            // Someone changed the directory (or the person changed the ticks) since the preview: show what confirming would do now.
            Errors = [new(0, null, "Uppgifterna har ändrats sedan förhandsgranskningen. Ingenting har sparats. Granska den nya förhandsgranskningen och bekräfta igen.")];
            PlanHash = hash;
            return BadRequestPage();
        }
        string notice;
        if (Plan is not null)
        {
            var result = await KbImport.ApplyAsync(db, Plan, ct);
            if (result.Errors.Count > 0) { Errors = result.Errors; Plan = null; return BadRequestPage(); }
            notice = $"Importen är klar: {result.Created:N0} nya, {result.Updated:N0} uppdaterade och {result.Unchanged:N0} oförändrade bibliotek.";
        }
        else
        {
            var result = await KbStatistics.ApplyAsync(db, Statistics!, ct);
            notice = $"Statistiken är importerad: {result.Created:N0} nya och {result.Updated:N0} ändrade uppgifter, {result.Unchanged:N0} oförändrade.";
        }
        db.KbUploads.Remove(upload);
        await db.SaveChangesAsync(ct);
        await cache.EvictByTagAsync(CachePolicies.Directory, ct);
        TempData["Notice"] = notice;
        return Redirect("/bibliotek/importera-kb");
    }

    /// <summary>Which of KB's formats the file is decides which import plans it.</summary>
    private async Task<bool> PlanAsync(byte[] bytes, IReadOnlySet<string> matches, CancellationToken ct)
    {
        if (KbStatistics.LooksLikeStatistics(bytes))
        {
            Statistics = await KbStatistics.PlanAsync(db, bytes, user.Scope, ct);
            Errors = Statistics.Errors;
        }
        else
        {
            Plan = await KbImport.PlanAsync(db, bytes, user.Scope, matches, ct);
            Errors = Plan.Errors;
        }
        return Errors.Count == 0;
    }

    private PageResult BadRequestPage()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
