using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Administration;

/// <summary>
/// The audit trail, read-only. Administrators read everything; a regional coordinator reads the
/// events that belong to their counties (the filter is in the query, not only in the view).
/// </summary>
[Authorize(Roles = Roles.Admin + "," + Roles.RegionalCoordinator)]
public class AuditModel(AppDbContext db, CurrentUser currentUser) : PageModel
{
    public const int PageSize = 50;
    /// <summary>An export is for reading in a spreadsheet, not for copying the whole table out.</summary>
    public const int MaxExportRows = 50_000;

    [BindProperty(SupportsGet = true)] public string? Fran { get; set; }
    [BindProperty(SupportsGet = true)] public string? Till { get; set; }
    [BindProperty(SupportsGet = true)] public string? Handelse { get; set; }
    [BindProperty(SupportsGet = true)] public string? Typ { get; set; }
    [BindProperty(SupportsGet = true)] public string? Vem { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int Sida { get; set; } = 1;

    public List<AuditEvent> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool AllRegions { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var query = Filtered();
        if (query is null) return Invalid();
        Total = await query.CountAsync();
        Sida = Math.Clamp(Sida, 1, Pages);
        Rows = await query.Skip((Sida - 1) * PageSize).Take(PageSize).ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var query = Filtered();
        if (query is null) return Invalid();
        var rows = await query.Take(MaxExportRows).ToListAsync();
        return Export.Csv(new ExportTable(
            ["tid", "händelse", "vem", "ip", "typ", "id", "län", "kommun", "beskrivning", "ändringar"],
            rows.Select(e => new object?[] { Local(e.OccurredAt), AuditLog.ActionLabel(e.Action), e.UserEmail ?? e.UserId, e.Ip,
                AuditLog.EntityLabel(e.EntityType), e.EntityId, e.CountyCode, e.MunicipalityCode, e.Summary, e.Changes })), "logg");
    }

    /// <summary>The events this user may read, filtered and newest first; null when a filter is invalid.</summary>
    private IQueryable<AuditEvent>? Filtered()
    {
        ModelState.Clear(); // only the dates can be wrong; everything else is free text or a known value
        var scope = currentUser.Scope;
        AllRegions = scope.IsAdmin;
        var query = db.AuditEvents.AsNoTracking();
        if (!scope.IsAdmin)
        {
            var counties = scope.Counties.ToArray();
            query = query.Where(e => e.CountyCode != null && counties.Contains(e.CountyCode));
        }

        var from = ParseDate(Fran, nameof(Fran), "Från");
        var to = ParseDate(Till, nameof(Till), "Till");
        if (from is not null && to is not null && to < from)
            ModelState.AddModelError(nameof(Till), "Till-datumet kan inte vara före från-datumet.");
        if (!ModelState.IsValid) return null;

        if (from is { } f) { var start = StartOf(f); query = query.Where(e => e.OccurredAt >= start); }
        if (to is { } t) { var end = StartOf(t.AddDays(1)); query = query.Where(e => e.OccurredAt < end); }
        if (!string.IsNullOrWhiteSpace(Handelse)) query = query.Where(e => e.Action == Handelse.Trim());
        if (!string.IsNullOrWhiteSpace(Typ)) query = query.Where(e => e.EntityType == Typ.Trim());
        if (!string.IsNullOrWhiteSpace(Vem))
        {
            var who = "%" + Like(Vem.Trim()) + "%";
            query = query.Where(e => e.UserEmail != null && EF.Functions.ILike(e.UserEmail, who, "\\"));
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = "%" + Like(Q.Trim()) + "%";
            // The summary names the record and the people involved; the changes (jsonb) are not searched.
            query = query.Where(e => EF.Functions.ILike(e.Summary, text, "\\") || e.EntityId == Q.Trim());
        }
        return query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
    }

    private DateOnly? ParseDate(string? value, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        ModelState.AddModelError(field, $"{label}-datumet måste vara ett datum som 2026-11-21 (år-månad-dag).");
        return null;
    }

    /// <summary>Dates in the filter are Swedish calendar days.</summary>
    private static DateTimeOffset StartOf(DateOnly day)
    {
        return SwedishTimeZone.Instant(day, TimeOnly.MinValue).ToUniversalTime();
    }

    public static string Local(DateTimeOffset t) =>
        SwedishTimeZone.Local(t).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public record ChangeLine(string Field, string Before, string After);

    /// <summary>The stored changes as lines "field: before → after" for the list.</summary>
    public static List<ChangeLine> ChangeLines(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateObject().Select(p => new ChangeLine(AuditFields.Label(p.Name),
            Value(p.Value, "before"), Value(p.Value, "after")))];
    }

    private static string Value(System.Text.Json.JsonElement change, string name) =>
        !change.TryGetProperty(name, out var v) || v.ValueKind == System.Text.Json.JsonValueKind.Null ? "–"
        : v.ValueKind == System.Text.Json.JsonValueKind.True ? "ja"
        : v.ValueKind == System.Text.Json.JsonValueKind.False ? "nej"
        : v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString()! : v.GetRawText();

    private static string Like(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string Link(string? handler, int? page)
    {
        var q = new Dictionary<string, string?>();
        if (handler is not null) q["handler"] = handler;
        if (!string.IsNullOrEmpty(Fran)) q["fran"] = Fran;
        if (!string.IsNullOrEmpty(Till)) q["till"] = Till;
        if (!string.IsNullOrEmpty(Handelse)) q["handelse"] = Handelse;
        if (!string.IsNullOrEmpty(Typ)) q["typ"] = Typ;
        if (!string.IsNullOrEmpty(Vem)) q["vem"] = Vem;
        if (!string.IsNullOrEmpty(Q)) q["q"] = Q;
        if (page is not null) q["sida"] = page.Value.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("/admin/logg", q);
    }
}
