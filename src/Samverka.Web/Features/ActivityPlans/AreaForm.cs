using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

namespace Samverka.Web.Features.ActivityPlans;

/// <summary>
/// A development area as posted: sub-goals one per line, partner rows (blank rows ignored: that is how rows are
/// added without JavaScript), and the cooperating regions it is shared with.
/// </summary>
public class AreaForm
{
    public const int BlankRows = 2;
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? SubGoals { get; set; }
    public List<PartnerRow> Partners { get; set; } = [];
    public List<string> SharedWith { get; set; } = [];

    public class PartnerRow
    {
        public string? Kind { get; set; }
        public string? Name { get; set; }
        public string? MunicipalityCode { get; set; }
        public string? CountyCode { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(MunicipalityCode) && string.IsNullOrWhiteSpace(CountyCode);
    }

    public static AreaForm From(DevelopmentArea a) => new()
    {
        Name = a.Name, Description = a.Description,
        SubGoals = string.Join("\n", a.SubGoals.OrderBy(g => g.SortOrder).Select(g => g.Text)),
        Partners = a.Partners.OrderBy(p => p.SortOrder).Select(p => new PartnerRow { Kind = p.Kind.ToString(), Name = p.Name, MunicipalityCode = p.MunicipalityCode, CountyCode = p.CountyCode }).ToList(),
        SharedWith = a.SharedWith.Select(s => s.CountyCode).ToList(),
    };

    public AreaForm WithBlankRows()
    {
        while (Partners.Count < BlankRows || Partners.TakeLast(BlankRows).Any(p => !p.IsBlank)) Partners.Add(new PartnerRow());
        return this;
    }

    public sealed record Partner(PartnerKind Kind, string Name, string? MunicipalityCode, string? CountyCode);
    public sealed record Valid(string Name, List<string> SubGoals, List<Partner> Partners, List<string> SharedWith);

    public async Task<(Valid? Value, Dictionary<string, string> Errors)> ValidateAsync(AppDbContext db, string ownCounty)
    {
        var errors = new Dictionary<string, string>();
        var name = Name?.Trim() ?? "";
        if (name.Length == 0) errors[nameof(Name)] = "Ange utvecklingsområdets namn.";
        else if (name.Length > 200) errors[nameof(Name)] = "Namnet får vara högst 200 tecken.";
        var goals = (SubGoals ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (goals.Any(g => g.Length > 1000)) errors[nameof(SubGoals)] = "Ett delmål får vara högst 1 000 tecken.";

        var municipalities = await db.Municipalities.AsNoTracking().Select(m => m.Code).ToListAsync();
        var counties = await db.Counties.AsNoTracking().Select(c => c.Code).ToListAsync();
        var partners = new List<Partner>();
        for (var i = 0; i < Partners.Count; i++)
        {
            var row = Partners[i];
            if (row.IsBlank) continue;
            var key = $"Partners[{i}]";
            var n = i + 1;
            var partnerName = row.Name?.Trim() ?? "";
            var muni = string.IsNullOrWhiteSpace(row.MunicipalityCode) ? null : row.MunicipalityCode.Trim();
            var county = string.IsNullOrWhiteSpace(row.CountyCode) ? null : row.CountyCode.Trim();
            PartnerKind? kind = Enum.TryParse<PartnerKind>(row.Kind, out var k) && Enum.IsDefined(k) ? k : null;
            if (kind is null) errors[$"{key}.Kind"] = $"Välj typ av samverkanspart på rad {n}.";
            if (partnerName.Length == 0) errors[$"{key}.Name"] = $"Ange samverkanspartens namn på rad {n}.";
            else if (partnerName.Length > 200) errors[$"{key}.Name"] = $"Namnet på rad {n} får vara högst 200 tecken.";
            if (muni is not null && (kind != PartnerKind.Municipality || !municipalities.Contains(muni)))
                errors[$"{key}.MunicipalityCode"] = kind == PartnerKind.Municipality
                    ? $"Kommunkoden {muni} på rad {n} finns inte. Ange fyra siffror, till exempel 1980."
                    : $"Kommunkod anges bara för en kommun (rad {n}).";
            if (county is not null && (kind != PartnerKind.Region || !counties.Contains(county)))
                errors[$"{key}.CountyCode"] = kind == PartnerKind.Region
                    ? $"Länskoden {county} på rad {n} finns inte. Ange två siffror, till exempel 08."
                    : $"Länskod anges bara för en region (rad {n}).";
            if (kind is { } kk && partnerName.Length is > 0 and <= 200) partners.Add(new Partner(kk, partnerName, muni, county));
        }

        var shared = SharedWith.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct().ToList();
        if (shared.Any(c => !counties.Contains(c) || c == ownCounty)) errors[nameof(SharedWith)] = "Välj bara andra regioner att dela med.";
        return errors.Count > 0 ? (null, errors) : (new Valid(name, goals, partners, shared), errors);
    }

    public void Apply(Valid v, DevelopmentArea a)
    {
        a.Name = v.Name;
        a.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        a.SubGoals.Clear();
        a.SubGoals.AddRange(v.SubGoals.Select((g, i) => new SubGoal { Text = g, SortOrder = i }));
        a.Partners.Clear();
        a.Partners.AddRange(v.Partners.Select((p, i) => new AreaPartner { Kind = p.Kind, Name = p.Name, MunicipalityCode = p.MunicipalityCode, CountyCode = p.CountyCode, SortOrder = i }));
        a.SharedWith.RemoveAll(s => !v.SharedWith.Contains(s.CountyCode));
        foreach (var c in v.SharedWith.Where(c => a.SharedWith.All(s => s.CountyCode != c))) a.SharedWith.Add(new AreaShare { CountyCode = c });
    }
}
