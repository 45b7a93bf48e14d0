using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Directory.People;
using Samverka.Web.Features.Directory.Libraries;

namespace Samverka.Web.Features.Agreements;

/// <summary>
/// The agreement form as posted: the head, the four sections, parties, steering documents and cooperation
/// areas. Numbers and dates are text so that a wrong value gets a Swedish message. Blank rows are ignored:
/// the form always offers empty rows, which is how rows are added without JavaScript.
/// </summary>
public class AgreementForm
{
    public const int BlankRows = 2;

    public string? Title { get; set; }
    public string? RegistryNumber { get; set; }
    public string? CountyCode { get; set; }
    public string? ProgrammeId { get; set; }
    public string? ValidFrom { get; set; }
    public string? ValidTo { get; set; }
    public string? FollowUpIntervalMonths { get; set; } = "6";
    public string? Purpose { get; set; }
    public string? Background { get; set; }
    public string? AreasIntro { get; set; } = "Specifika samarbeten bedrivs i projektform och ska kompletteras av särskilda avtal där insatsernas mål, syften, finansiering och genomföranden tydligt formuleras.\n\nFöljande samverkansområden bedöms som möjliga:";
    public string? FollowUpText { get; set; } = "Respektive part utser en kontaktperson för samarbetet. Avstämning sker halvårsvis.";
    public List<PartyRow> Parties { get; set; } = [];
    public List<DocumentRow> Documents { get; set; } = [];
    public List<AreaRow> Areas { get; set; } = [];

    public class PartyRow
    {
        public string? Name { get; set; }
        public string? LibraryId { get; set; }
        public string? MunicipalityCode { get; set; }
        public string? ContactName { get; set; }
        public string? ContactEmail { get; set; }
        public bool IsBlank => new[] { Name, LibraryId, MunicipalityCode, ContactName, ContactEmail }.All(string.IsNullOrWhiteSpace);
    }

    public class DocumentRow
    {
        public string? Title { get; set; }
        public string? FromYear { get; set; }
        public string? ToYear { get; set; }
        public bool IsBlank => new[] { Title, FromYear, ToYear }.All(string.IsNullOrWhiteSpace);
    }

    public class AreaRow
    {
        public string? Text { get; set; }
        public string? Needs { get; set; }
        public List<int> ThemeIds { get; set; } = [];
        public bool IsBlank => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Needs) && ThemeIds.Count == 0;
    }

    public static AgreementForm From(Agreement a) => new()
    {
        Title = a.Title,
        RegistryNumber = a.RegistryNumber,
        CountyCode = a.CountyCode,
        ProgrammeId = a.ProgrammeId?.ToString(CultureInfo.InvariantCulture),
        ValidFrom = a.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ValidTo = a.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FollowUpIntervalMonths = a.FollowUpIntervalMonths.ToString(CultureInfo.InvariantCulture),
        Purpose = a.Purpose,
        Background = a.Background,
        AreasIntro = a.AreasIntro,
        FollowUpText = a.FollowUpText,
        Parties = a.Parties.OrderBy(p => p.SortOrder).Select(p => new PartyRow
        {
            Name = p.Name, LibraryId = p.LibraryId?.ToString(CultureInfo.InvariantCulture), MunicipalityCode = p.MunicipalityCode,
            ContactName = p.ContactName, ContactEmail = p.ContactEmail,
        }).ToList(),
        Documents = a.SteeringDocuments.OrderBy(d => d.SortOrder).Select(d => new DocumentRow
        {
            Title = d.Title, FromYear = d.FromYear?.ToString(CultureInfo.InvariantCulture), ToYear = d.ToYear?.ToString(CultureInfo.InvariantCulture),
        }).ToList(),
        Areas = a.Areas.OrderBy(x => x.SortOrder).Select(x => new AreaRow { Text = x.Text, Needs = x.Needs, ThemeIds = x.Themes.Select(t => t.ThemeId).ToList() }).ToList(),
    };

    public AgreementForm WithBlankRows()
    {
        while (Parties.Count < 2 || Parties.TakeLast(1).Any(p => !p.IsBlank)) Parties.Add(new PartyRow());
        while (Documents.Count < BlankRows || Documents.TakeLast(1).Any(d => !d.IsBlank)) Documents.Add(new DocumentRow());
        while (Areas.Count < BlankRows || Areas.TakeLast(1).Any(x => !x.IsBlank)) Areas.Add(new AreaRow());
        return this;
    }

    public sealed record Valid(AgreementHead Head, string CountyCode, int? ProgrammeId, List<AgreementParty> Parties,
        List<SteeringDocument> Documents, List<CooperationArea> Areas);

    /// <summary>Checks everything; errors are keyed by the field's name below Input ("Parties[1].LibraryId").</summary>
    public async Task<(Valid? Value, Dictionary<string, string> Errors)> ValidateAsync(AppDbContext db, UserScope scope, int? agreementId)
    {
        var county = CountyCode?.Trim() ?? "";
        var countyErrors = new Dictionary<string, string>();
        if (!await db.Counties.AnyAsync(c => c.Code == county)) countyErrors[nameof(CountyCode)] = "Välj regionen (länet) som överenskommelsen gäller.";
        else if (!AgreementRules.CanManage(scope, county)) countyErrors[nameof(CountyCode)] = "Du får bara skapa överenskommelser för dina egna regioner.";
        var (head, errors) = await AgreementValidation.ValidateHeadAsync(db, county, agreementId, Title, RegistryNumber, ValidFrom, ValidTo, FollowUpIntervalMonths);
        foreach (var (k, v) in countyErrors) errors[k] = v;

        int? programmeId = null;
        if (!string.IsNullOrWhiteSpace(ProgrammeId))
        {
            if (int.TryParse(ProgrammeId, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && await db.Programmes.AnyAsync(p => p.Id == pid)) programmeId = pid;
            else errors[nameof(ProgrammeId)] = "Välj ett program i listan, eller inget.";
        }
        foreach (var (field, text) in new[] { (nameof(Purpose), Purpose), (nameof(Background), Background), (nameof(AreasIntro), AreasIntro), (nameof(FollowUpText), FollowUpText) })
            if (text is not null && PersonValidation.ContainsPersonalIdentityNumber(text)) errors[field] = PersonValidation.PersonalIdentityNumberMessage;

        var parties = await ValidatePartiesAsync(db, county, errors);
        var documents = ValidateDocuments(errors);
        var themeIds = await db.Themes.Select(t => t.Id).ToListAsync();
        var areas = new List<CooperationArea>();
        for (var i = 0; i < Areas.Count; i++)
        {
            var row = Areas[i];
            if (row.IsBlank) continue;
            var text = row.Text?.Trim() ?? "";
            if (text.Length == 0) errors[$"Areas[{i}].Text"] = $"Beskriv samverkansområde {i + 1}.";
            else if (PersonValidation.ContainsPersonalIdentityNumber(text + " " + row.Needs)) errors[$"Areas[{i}].Text"] = PersonValidation.PersonalIdentityNumberMessage;
            if (row.ThemeIds.Except(themeIds).Any()) errors[$"Areas[{i}].Text"] = $"Ett av temana för samverkansområde {i + 1} finns inte.";
            areas.Add(new CooperationArea
            {
                SortOrder = areas.Count, Text = text, Needs = string.IsNullOrWhiteSpace(row.Needs) ? null : row.Needs.Trim().Replace("\r\n", "\n"),
                Themes = row.ThemeIds.Distinct().Select(t => new CooperationAreaTheme { ThemeId = t }).ToList(),
            });
        }
        return errors.Count > 0 ? (null, errors) : (new Valid(head!, county, programmeId, parties, documents, areas), errors);
    }

    private async Task<List<AgreementParty>> ValidatePartiesAsync(AppDbContext db, string county, Dictionary<string, string> errors)
    {
        var libraries = await db.Libraries.AsNoTracking().Where(l => l.Municipality!.CountyCode == county).ToDictionaryAsync(l => l.Id, l => l.Name);
        var municipalities = await db.Municipalities.AsNoTracking().Where(m => m.CountyCode == county).ToDictionaryAsync(m => m.Code, m => m.Name);
        var parties = new List<AgreementParty>();
        for (var i = 0; i < Parties.Count; i++)
        {
            var row = Parties[i];
            if (row.IsBlank) continue;
            var key = $"Parties[{i}]";
            var n = i + 1;
            int? libraryId = null;
            if (!string.IsNullOrWhiteSpace(row.LibraryId))
            {
                if (int.TryParse(row.LibraryId, NumberStyles.None, CultureInfo.InvariantCulture, out var lid) && libraries.ContainsKey(lid)) libraryId = lid;
                else errors[$"{key}.LibraryId"] = $"Biblioteket för part {n} finns inte i regionen.";
            }
            var municipality = string.IsNullOrWhiteSpace(row.MunicipalityCode) ? null : row.MunicipalityCode.Trim();
            if (municipality is not null && !municipalities.ContainsKey(municipality)) errors[$"{key}.MunicipalityCode"] = $"Kommunen för part {n} finns inte i regionen.";
            if (libraryId is not null && municipality is not null) errors[$"{key}.MunicipalityCode"] = $"Välj antingen ett bibliotek eller en kommun för part {n}, inte båda.";
            var name = row.Name?.Trim();
            if (string.IsNullOrEmpty(name)) name = libraryId is int l ? libraries[l] : municipality is not null && municipalities.TryGetValue(municipality, out var mn) ? $"{mn} kommun" : null;
            if (name is null) errors[$"{key}.Name"] = $"Ange namnet på part {n}.";
            else if (name.Length > 200) errors[$"{key}.Name"] = $"Namnet på part {n} får vara högst 200 tecken.";
            var contactName = string.IsNullOrWhiteSpace(row.ContactName) ? null : row.ContactName.Trim();
            var email = string.IsNullOrWhiteSpace(row.ContactEmail) ? null : row.ContactEmail.Trim();
            if (email is not null && (!LibraryValidation.IsEmail(email) || email.Length > 254)) errors[$"{key}.ContactEmail"] = $"Kontaktpersonens e-postadress för part {n} ska se ut som namn@exempel.se.";
            if (contactName is { Length: > 200 }) errors[$"{key}.ContactName"] = $"Kontaktpersonens namn för part {n} får vara högst 200 tecken.";
            if (PersonValidation.ContainsPersonalIdentityNumber($"{name} {contactName} {email}")) errors[$"{key}.Name"] = PersonValidation.PersonalIdentityNumberMessage;
            parties.Add(new AgreementParty
            {
                SortOrder = parties.Count, Name = name ?? "", LibraryId = libraryId, MunicipalityCode = municipality,
                ContactName = contactName, ContactEmail = email,
            });
        }
        if (parties.Count(p => p.LibraryId is null && p.MunicipalityCode is null) == 0 || !parties.Any(p => p.LibraryId is not null || p.MunicipalityCode is not null))
            errors["Parties"] = "Ange regionens förvaltning som part (utan bibliotek och kommun) och minst ett bibliotek eller en kommun.";
        return parties;
    }

    private List<SteeringDocument> ValidateDocuments(Dictionary<string, string> errors)
    {
        var documents = new List<SteeringDocument>();
        for (var i = 0; i < Documents.Count; i++)
        {
            var row = Documents[i];
            if (row.IsBlank) continue;
            var key = $"Documents[{i}]";
            var title = row.Title?.Trim() ?? "";
            if (title.Length == 0) errors[$"{key}.Title"] = $"Ange styrdokumentets titel på rad {i + 1}.";
            else if (title.Length > 300) errors[$"{key}.Title"] = $"Titeln på rad {i + 1} får vara högst 300 tecken.";
            int? Year(string? text, string field)
            {
                if (string.IsNullOrWhiteSpace(text)) return null;
                if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200) return y;
                errors[$"{key}.{field}"] = $"Ange året på rad {i + 1} som ett årtal, till exempel 2017.";
                return null;
            }
            var from = Year(row.FromYear, nameof(row.FromYear));
            var to = Year(row.ToYear, nameof(row.ToYear));
            if (from is int f && to is int t && t < f) errors[$"{key}.ToYear"] = $"Slutåret på rad {i + 1} kan inte vara före startåret.";
            documents.Add(new SteeringDocument { SortOrder = documents.Count, Title = title, FromYear = from, ToYear = to });
        }
        return documents;
    }

    /// <summary>Writes the values into the (tracked) draft, replacing its parties, documents and areas.</summary>
    public void Apply(Valid v, Agreement a, DateTimeOffset now)
    {
        a.CountyCode = v.CountyCode;
        a.ProgrammeId = v.ProgrammeId;
        a.Purpose = Clean(Purpose);
        a.Background = Clean(Background);
        a.AreasIntro = Clean(AreasIntro);
        a.FollowUpText = Clean(FollowUpText);
        a.Parties.Clear();
        a.Parties.AddRange(v.Parties);
        a.SteeringDocuments.Clear();
        a.SteeringDocuments.AddRange(v.Documents);
        a.Areas.Clear();
        a.Areas.AddRange(v.Areas);
        AgreementValidation.Apply(v.Head, a, now);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().Replace("\r\n", "\n");
}
