using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Needs;

/// <summary>The need form as typed; validation gives checked values or Swedish messages per field.</summary>
public class NeedForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? ThemeId { get; set; }
    public string? AffectedGroups { get; set; }
    public string? Source { get; set; }
    public string? SourceDetail { get; set; }
    public string? Evidence { get; set; }
    /// <summary>Empty for a national need.</summary>
    public string? CountyCode { get; set; }

    public async Task<(Need? Need, List<(string Field, string Message)> Errors)> ValidateAsync(AppDbContext db, UserScope s, IReadOnlySet<string> regions)
    {
        var errors = new List<(string, string)>();
        var title = Title?.Trim() ?? "";
        if (title.Length == 0) errors.Add((nameof(Title), "Ange en rubrik för behovet."));
        else if (title.Length > 200) errors.Add((nameof(Title), "Rubriken får vara högst 200 tecken."));
        if (ThemeId is int t && !await db.Themes.AnyAsync(x => x.Id == t && x.IsActive)) errors.Add((nameof(ThemeId), "Välj ett av temana i listan."));
        var affected = Trim(AffectedGroups);
        if (affected?.Length > 500) errors.Add((nameof(AffectedGroups), "Vilka som berörs får vara högst 500 tecken."));
        if (!Enum.TryParse<NeedSource>(Source, ignoreCase: false, out var source) || !Enum.IsDefined(source) || int.TryParse(Source, out _))
            errors.Add((nameof(Source), "Välj var behovet kommer ifrån."));
        var detail = Trim(SourceDetail);
        if (detail?.Length > 300) errors.Add((nameof(SourceDetail), "Källans beskrivning får vara högst 300 tecken."));
        var county = Trim(CountyCode);
        if (county is not null && !(s.ReadsEverything || regions.Contains(county)))
            errors.Add((nameof(CountyCode), "Välj din egen region eller Nationellt."));
        if (errors.Count > 0) return (null, errors);
        return (new Need
        {
            Title = title, Description = Trim(Description), ThemeId = ThemeId, AffectedGroups = affected, Source = source,
            SourceDetail = detail, Evidence = Trim(Evidence), CountyCode = county, CreatedBy = s.Email!.ToLowerInvariant(),
        }, errors);
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static IEnumerable<(string Value, string Label)> Sources =>
        Enum.GetValues<NeedSource>().Select(v => (v.ToString(), NeedRules.SourceLabel(v)));
}
