using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory.People;

namespace Samverka.Web.Features.Activities;

/// <summary>
/// The activity form as posted: numbers, dates and times are text so a wrong value gets a Swedish
/// message. Blank session rows are ignored; the form offers a few, which is how sessions are added
/// without JavaScript.
/// </summary>
public class ActivityForm
{
    public const int BlankRows = 2;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string? Title { get; set; }
    public string? Kind { get; set; }
    public string? Description { get; set; }
    public string? TargetGroup { get; set; }
    public string? CountyCode { get; set; }
    public string? OrganiserLibraryId { get; set; }
    public bool RegionFunded { get; set; }
    public bool OpenToOtherLibraries { get; set; } = true;
    public string? Place { get; set; }
    public string? OnlineUrl { get; set; }
    public string? Capacity { get; set; }
    public string? RegistrationOpens { get; set; }
    public string? RegistrationCloses { get; set; }
    public string? ProgrammeId { get; set; }
    public string? DevelopmentArea { get; set; }
    public bool Publish { get; set; } = true;
    public List<int> Themes { get; set; } = [];
    public List<string> CoLibraries { get; set; } = [];
    public List<string> CoRegions { get; set; } = [];
    /// <summary>Outside partners, one per line (e.g. "Bibliotekshögskolan i Borås").</summary>
    public string? Partners { get; set; }
    public List<SessionRow> Sessions { get; set; } = [];
    public uint Version { get; set; }

    public class SessionRow
    {
        public int? Id { get; set; }
        public string? Date { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(Start) && string.IsNullOrWhiteSpace(End);
    }

    public sealed record Valid(string Title, ActivityKind Kind, string CountyCode, int? OrganiserLibraryId, int Capacity,
        DateTimeOffset? Opens, DateTimeOffset? Closes, int? ProgrammeId, List<(int? Id, DateOnly Date, TimeOnly Start, TimeOnly End)> Sessions,
        List<int> CoLibraries, List<string> CoRegions, List<string> Partners);

    public static ActivityForm From(Activity a) => new()
    {
        Title = a.Title, Kind = a.Kind.ToString(), Description = a.Description, TargetGroup = a.TargetGroup, CountyCode = a.CountyCode,
        OrganiserLibraryId = a.OrganiserLibraryId?.ToString(Inv), RegionFunded = a.RegionFunded, OpenToOtherLibraries = a.OpenToOtherLibraries,
        Place = a.Place, OnlineUrl = a.OnlineUrl, Capacity = a.Capacity.ToString(Inv),
        RegistrationOpens = LocalText(a.RegistrationOpensAt), RegistrationCloses = LocalText(a.RegistrationClosesAt),
        ProgrammeId = a.ProgrammeId?.ToString(Inv), DevelopmentArea = a.DevelopmentArea, Publish = a.Status != ActivityStatus.Draft,
        Themes = a.Themes.Select(t => t.ThemeId).ToList(),
        CoLibraries = a.CoOrganisers.Where(o => o.LibraryId != null).Select(o => o.LibraryId!.Value.ToString(Inv)).ToList(),
        CoRegions = a.CoOrganisers.Where(o => o.CountyCode != null).Select(o => o.CountyCode!).ToList(),
        Partners = string.Join("\n", a.CoOrganisers.Where(o => o.PartnerName != null).Select(o => o.PartnerName)),
        Sessions = a.Sessions.OrderBy(s => s.Date).ThenBy(s => s.StartTime).Select(s => new SessionRow
        {
            Id = s.Id, Date = s.Date.ToString("yyyy-MM-dd", Inv), Start = s.StartTime.ToString("HH:mm", Inv), End = s.EndTime.ToString("HH:mm", Inv),
        }).ToList(),
        Version = a.Version,
    };

    private static string? LocalText(DateTimeOffset? t) => t is { } v
        ? SwedishTimeZone.Local(v).ToString("yyyy-MM-dd HH:mm", Inv) : null;

    public ActivityForm WithBlankRows()
    {
        while (Sessions.Count < BlankRows || Sessions.TakeLast(1).Any(s => !s.IsBlank)) Sessions.Add(new SessionRow());
        return this;
    }

    public async Task<(Valid? Value, Dictionary<string, string> Errors)> ValidateAsync(AppDbContext db, UserScope scope)
    {
        var errors = new Dictionary<string, string>();
        var title = Title?.Trim() ?? "";
        if (title.Length == 0) errors[nameof(Title)] = "Ange aktivitetens titel.";
        else if (title.Length > 200) errors[nameof(Title)] = "Titeln får vara högst 200 tecken.";
        if (!Enum.TryParse<ActivityKind>(Kind, out var kind) || !Enum.IsDefined(kind)) errors[nameof(Kind)] = "Välj typ av aktivitet.";
        foreach (var (field, value) in new[] { (nameof(Title), Title), (nameof(Description), Description), (nameof(TargetGroup), TargetGroup), (nameof(Partners), Partners), (nameof(DevelopmentArea), DevelopmentArea) })
            if (PersonValidation.ContainsPersonalIdentityNumber(value)) errors[field] = "Texten ser ut att innehålla ett personnummer. Ta bort det.";
        if (TargetGroup?.Trim().Length > 300) errors[nameof(TargetGroup)] = "Målgruppen får vara högst 300 tecken.";
        if (DevelopmentArea?.Trim().Length > 200) errors[nameof(DevelopmentArea)] = "Utvecklingsområdet får vara högst 200 tecken.";

        // Organiser library and region.
        int? organiserId = null;
        string? organiserMunicipality = null;
        if (!string.IsNullOrWhiteSpace(OrganiserLibraryId))
        {
            var lib = int.TryParse(OrganiserLibraryId, NumberStyles.None, Inv, out var lid)
                ? await db.Libraries.AsNoTracking().Where(l => l.Id == lid).Select(l => new { l.Id, l.MunicipalityCode, l.Municipality!.CountyCode }).FirstOrDefaultAsync()
                : null;
            if (lib is null) errors[nameof(OrganiserLibraryId)] = "Biblioteket finns inte. Välj ett bibliotek i listan.";
            else
            {
                organiserId = lib.Id;
                organiserMunicipality = lib.MunicipalityCode;
                if (string.IsNullOrWhiteSpace(CountyCode)) CountyCode = lib.CountyCode;
                else if (CountyCode.Trim() != lib.CountyCode) errors[nameof(OrganiserLibraryId)] = "Det arrangerande biblioteket ligger inte i den valda regionen.";
            }
        }
        var county = CountyCode?.Trim() ?? "";
        if (county.Length == 0) errors[nameof(CountyCode)] = "Välj region (län).";
        else if (!await db.Counties.AnyAsync(c => c.Code == county)) errors[nameof(CountyCode)] = $"Länet {county} finns inte.";
        else if (!ActivityRules.CanManage(scope, county, organiserMunicipality))
            errors[nameof(CountyCode)] = organiserMunicipality is null && scope.Municipalities.Count > 0
                ? "Välj ditt eget bibliotek som arrangör: som bibliotekschef skapar du aktiviteter för ditt bibliotek."
                : "Du får bara skapa aktiviteter i din egen region eller för ditt eget bibliotek.";
        if (RegionFunded && !OpenToOtherLibraries)
            errors[nameof(OpenToOtherLibraries)] = "En aktivitet med finansiering från regionen måste vara öppen för personal från andra bibliotek.";

        var place = Place?.Trim();
        var online = OnlineUrl?.Trim();
        if (string.IsNullOrEmpty(place) && string.IsNullOrEmpty(online)) errors[nameof(Place)] = "Ange en plats eller en länk för deltagande på distans.";
        if (place?.Length > 300) errors[nameof(Place)] = "Platsen får vara högst 300 tecken.";
        if (!string.IsNullOrEmpty(online) && (!Uri.TryCreate(online, UriKind.Absolute, out var u) || (u.Scheme != "https" && u.Scheme != "http") || online.Length > 500))
            errors[nameof(OnlineUrl)] = "Ange länken som en fullständig webbadress, till exempel https://exempel.se/mote.";

        int capacity = 0;
        if (!int.TryParse(Capacity?.Trim(), NumberStyles.AllowLeadingSign, Inv, out capacity)) errors[nameof(Capacity)] = "Ange antal platser som ett heltal, till exempel 30.";
        else if (capacity <= 0) errors[nameof(Capacity)] = "Antal platser måste vara minst 1.";
        else if (capacity > 10000) errors[nameof(Capacity)] = "Antal platser får vara högst 10 000.";

        var opens = ParseLocal(RegistrationOpens, nameof(RegistrationOpens), "när anmälan öppnar", errors);
        var closes = ParseLocal(RegistrationCloses, nameof(RegistrationCloses), "när anmälan stänger", errors);
        if (opens is { } o && closes is { } c && c <= o) errors[nameof(RegistrationCloses)] = "Anmälan måste stänga efter att den öppnar.";

        var sessions = new List<(int?, DateOnly, TimeOnly, TimeOnly)>();
        for (var i = 0; i < Sessions.Count; i++)
        {
            var row = Sessions[i];
            if (row.IsBlank) continue;
            var key = $"Sessions[{i}]";
            var n = i + 1;
            var dateOk = DateOnly.TryParseExact(row.Date?.Trim(), "yyyy-MM-dd", Inv, DateTimeStyles.None, out var date);
            if (!dateOk) errors[$"{key}.Date"] = $"Ange datum för tillfälle {n} som ÅÅÅÅ-MM-DD, till exempel 2026-03-12.";
            var startOk = TimeOnly.TryParseExact(row.Start?.Trim(), ["HH:mm", "H:mm", "HH.mm", "H.mm"], Inv, DateTimeStyles.None, out var start);
            if (!startOk) errors[$"{key}.Start"] = $"Ange starttid för tillfälle {n} som TT:MM, till exempel 09:00.";
            var endOk = TimeOnly.TryParseExact(row.End?.Trim(), ["HH:mm", "H:mm", "HH.mm", "H.mm"], Inv, DateTimeStyles.None, out var end);
            if (!endOk) errors[$"{key}.End"] = $"Ange sluttid för tillfälle {n} som TT:MM, till exempel 12:00.";
            if (startOk && endOk && end <= start) errors[$"{key}.End"] = $"Tillfälle {n} slutar före eller när det börjar. Sluttiden måste vara efter starttiden.";
            if (!dateOk || !startOk || !endOk || end <= start) continue;
            var begins = SwedishTimeZone.Instant(date, start);
            if (opens is { } op && begins < op) errors[$"{key}.Date"] = $"Tillfälle {n} ligger före anmälan öppnar.";
            if (closes is { } cl && begins < cl) errors[$"{key}.Date"] = $"Tillfälle {n} börjar innan anmälan stänger. Låt anmälan stänga före första tillfället.";
            if (sessions.Any(s => s.Item2 == date && s.Item3 < end && start < s.Item4)) errors[$"{key}.Date"] = $"Tillfälle {n} överlappar ett annat tillfälle samma dag.";
            sessions.Add((row.Id, date, start, end));
        }
        if (sessions.Count == 0 && !errors.Keys.Any(k => k.StartsWith("Sessions", StringComparison.Ordinal)))
            errors["Sessions[0].Date"] = "Ange minst ett tillfälle med datum, starttid och sluttid.";

        int? programmeId = null;
        if (!string.IsNullOrWhiteSpace(ProgrammeId))
        {
            var prog = int.TryParse(ProgrammeId, NumberStyles.None, Inv, out var pid)
                ? await db.Programmes.AsNoTracking().Where(p => p.Id == pid).Select(p => new { p.Id, p.Name, p.StartDate, p.EndDate }).FirstOrDefaultAsync() : null;
            if (prog is null) errors[nameof(ProgrammeId)] = "Programmet finns inte. Välj ett program i listan.";
            else
            {
                programmeId = prog.Id;
                if (sessions.FirstOrDefault(s => s.Item2 < prog.StartDate || s.Item2 > prog.EndDate) is { Item2: var outside } && outside != default)
                    errors[nameof(ProgrammeId)] = $"Tillfället {outside:yyyy-MM-dd} ligger utanför programmets period {prog.StartDate:yyyy-MM-dd}–{prog.EndDate:yyyy-MM-dd}.";
            }
        }

        var themeIds = Themes.Distinct().ToList();
        if (await db.Themes.CountAsync(t => themeIds.Contains(t.Id)) != themeIds.Count) errors[nameof(Themes)] = "Ett valt tema finns inte.";

        var coLibIds = new List<int>();
        foreach (var text in CoLibraries.Where(x => !string.IsNullOrWhiteSpace(x)).Distinct())
            if (int.TryParse(text, NumberStyles.None, Inv, out var id)) coLibIds.Add(id);
            else errors[nameof(CoLibraries)] = "Ett valt medarrangerande bibliotek finns inte.";
        if (await db.Libraries.CountAsync(l => coLibIds.Contains(l.Id)) != coLibIds.Count) errors[nameof(CoLibraries)] = "Ett valt medarrangerande bibliotek finns inte.";
        var coRegions = CoRegions.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).Distinct().ToList();
        if (await db.Counties.CountAsync(c => coRegions.Contains(c.Code)) != coRegions.Count) errors[nameof(CoRegions)] = "En vald medarrangerande region finns inte.";
        var partners = (Partners ?? "").Split('\n').Select(x => x.Trim()).Where(x => x.Length > 0).Distinct().ToList();
        if (partners.Any(x => x.Length > 200)) errors[nameof(Partners)] = "Varje partners namn får vara högst 200 tecken.";

        return errors.Count > 0 ? (null, errors)
            : (new Valid(title, kind, county, organiserId, capacity, opens, closes, programmeId, sessions, coLibIds, coRegions, partners), errors);
    }

    private static DateTimeOffset? ParseLocal(string? text, string field, string label, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd HH:mm", "yyyy-MM-dd"], Inv, DateTimeStyles.None, out var local))
            return SwedishTimeZone.Instant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
        errors[field] = $"Ange {label} som ÅÅÅÅ-MM-DD TT:MM, till exempel 2026-02-01 08:00.";
        return null;
    }

    /// <summary>Writes the values into the (tracked) activity; sessions are matched by id so attendance stays.</summary>
    public void Apply(Valid v, Activity a, DateTimeOffset now)
    {
        a.Title = v.Title;
        a.Kind = v.Kind;
        a.Description = Clean(Description);
        a.TargetGroup = Clean(TargetGroup);
        a.CountyCode = v.CountyCode;
        a.OrganiserLibraryId = v.OrganiserLibraryId;
        a.RegionFunded = RegionFunded;
        a.OpenToOtherLibraries = OpenToOtherLibraries;
        a.Place = Clean(Place);
        a.OnlineUrl = Clean(OnlineUrl);
        a.Capacity = v.Capacity;
        a.RegistrationOpensAt = v.Opens;
        a.RegistrationClosesAt = v.Closes;
        a.ProgrammeId = v.ProgrammeId;
        a.DevelopmentArea = Clean(DevelopmentArea);
        if (a.Status != ActivityStatus.Cancelled) a.Status = Publish ? ActivityStatus.Published : ActivityStatus.Draft;
        a.UpdatedAt = now;
        a.Sessions.RemoveAll(s => v.Sessions.All(n => n.Id != s.Id));
        foreach (var (id, date, start, end) in v.Sessions)
        {
            var s = id is int sid ? a.Sessions.FirstOrDefault(x => x.Id == sid) : null;
            if (s is null) a.Sessions.Add(s = new ActivitySession());
            s.Date = date;
            s.StartTime = start;
            s.EndTime = end;
        }
        a.Themes.RemoveAll(t => !Themes.Contains(t.ThemeId));
        foreach (var t in Themes.Distinct().Where(t => a.Themes.All(x => x.ThemeId != t))) a.Themes.Add(new ActivityTheme { ThemeId = t });
        a.CoOrganisers.Clear();
        a.CoOrganisers.AddRange(v.CoLibraries.Select(id => new ActivityOrganiser { LibraryId = id }));
        a.CoOrganisers.AddRange(v.CoRegions.Select(c => new ActivityOrganiser { CountyCode = c }));
        a.CoOrganisers.AddRange(v.Partners.Select(p => new ActivityOrganiser { PartnerName = p }));
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
