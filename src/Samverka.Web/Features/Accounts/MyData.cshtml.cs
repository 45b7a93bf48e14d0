using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.MyWork;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Accounts;

/// <summary>
/// The right of access (GDPR art. 15): a signed-in person sees what Samverka holds about them and
/// downloads all of it as JSON. Secrets (password hash, security stamp, tokens) are never included.
/// Here too the person chooses the weekly digest of "Mitt arbete" (<see cref="Digest"/>).
/// </summary>
[Authorize]
public class MyDataModel(AppDbContext db, TimeProvider time) : PageModel
{
    public record RoleData(string Role, string RoleLabel, string? CountyCode, string? CountyName,
        string? MunicipalityCode, string? MunicipalityName, int? LibraryId, string? LibraryName);
    public record AccountData(string Id, string? Email, string? UserName, string DisplayName, bool IsActive, bool EmailConfirmed,
        bool TwoFactorEnabled, DateTimeOffset? LockedUntil, bool WeeklyDigest, List<RoleData> Roles);
    public record PersonData(int Id, string Name, string Email, string? RoleTitle, int LibraryId, string LibraryName,
        string MunicipalityCode, string MunicipalityName, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
    public record Everything(DateTimeOffset ExportedAt, string About, AccountData Account, List<PersonData> People,
        List<MyAuditEvent> AuditEvents);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public Everything Data { get; private set; } = null!;

    /// <summary>The digest checkbox as posted (unchecked posts nothing: false).</summary>
    [BindProperty] public bool WeeklyDigest { get; set; }
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } missing) return missing;
        return Page();
    }

    public async Task<IActionResult> OnPostDigestAsync()
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return Challenge();
        // Only the checkbox's own value (or none) is an answer: anything else changes nothing.
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(WeeklyDigest), "Välj om du vill ha veckobrevet genom att kryssa i rutan eller lämna den tom.");
            if (await LoadAsync() is { } missing) return missing;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await Digest.SetAsync(db, userId, WeeklyDigest, time.GetUtcNow(), HttpContext.RequestAborted);
        Notice = WeeklyDigest
            ? "Sparat. Du får veckobrevet på måndagar när något har ändrats."
            : "Sparat. Du får inte veckobrevet.";
        return Redirect("/konto/mina-uppgifter#veckobrev");
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        if (await LoadAsync() is { } missing) return missing;
        Response.Headers.CacheControl = "no-store";
        var today = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File(JsonSerializer.SerializeToUtf8Bytes(Data, Json), "application/json; charset=utf-8", $"mina-uppgifter-{today}.json");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId);
        if (user is null) return Challenge();

        var roles = await db.RoleAssignments.AsNoTracking().Where(r => r.UserId == user.Id)
            .OrderBy(r => r.Role).ThenBy(r => r.Id)
            .Select(r => new RoleData(r.Role, r.Role, r.CountyCode, r.County!.Name, r.MunicipalityCode, r.Municipality!.Name,
                r.LibraryId, r.Library!.Name))
            .ToListAsync();
        roles = roles.Select(r => r with { RoleLabel = Roles.Labels.GetValueOrDefault(r.Role, r.Role) }).ToList();

        // The directory entry is matched on e-mail: that is how an account and a person are the same human.
        var email = (user.Email ?? "").ToLowerInvariant();
        var people = await db.People.AsNoTracking().Where(p => p.Email.ToLower() == email).OrderBy(p => p.Id)
            .Select(p => new PersonData(p.Id, p.Name, p.Email, p.RoleTitle, p.LibraryId, p.Library!.Name,
                p.Library.MunicipalityCode, p.Library.Municipality!.Name, p.IsActive, p.CreatedAt, p.UpdatedAt))
            .ToListAsync();

        var account = new AccountData(user.Id, user.Email, user.UserName, user.DisplayName, user.IsActive, user.EmailConfirmed,
            user.TwoFactorEnabled, user.LockoutEnd > DateTimeOffset.UtcNow ? user.LockoutEnd : null,
            await Digest.IsSubscribedAsync(db, user.Id, HttpContext.RequestAborted), roles);
        var events = await MyDataAudit.EventsAsync(db, user.Id, people.Select(p => p.Id).ToList(), HttpContext.RequestAborted);
        Data = new(DateTimeOffset.UtcNow,
            "Allt Samverka har sparat om dig: ditt konto med roller, dina uppgifter i personkatalogen och händelseloggen över " +
            "vad du har gjort och vad som har ändrats om dig. Lösenord sparas bara som ett oåterkalleligt hashvärde och lämnas inte ut.",
            account, people, events);
        return null;
    }
}
