using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes.ReferenceGroups;

/// <summary>The fields of a new reference-group member: a municipality (optionally its library and person) or an external name.</summary>
public sealed record MemberInput(string? MunicipalityCode, int? LibraryId, string? RepresentativeName, string? ExternalName);

/// <summary>
/// Who may change a programme's reference groups and how: adding and removing members and creating
/// a year's group from the composer. Every refusal is a Swedish message keyed by field and changes nothing.
/// </summary>
public static class ReferenceGroupRules
{
    /// <summary>Administrators, or a regional coordinator whose counties hold the whole programme (the programme editors).</summary>
    public static bool CanEdit(UserScope s, IReadOnlyCollection<string> regionCodes) => ProgrammeRules.CanEditProgramme(s, regionCodes);

    public static string? YearError(ProgrammeFacts facts, int year) => facts.InPeriod(year) ? null
        : $"Året {year} ligger utanför satsningens period {facts.Period}.";

    public static async Task<Dictionary<string, string>> AddMemberAsync(AppDbContext db, ProgrammeFacts facts, int year, MemberInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (YearError(facts, year) is { } yearError) { errors[""] = yearError; return errors; }
        var code = input.MunicipalityCode?.Trim() ?? "";
        var external = input.ExternalName?.Trim() ?? "";
        var person = input.RepresentativeName?.Trim() ?? "";
        if (code.Length == 0 && external.Length == 0)
            errors["MunicipalityCode"] = "Välj en kommun eller skriv namnet på en extern medlem.";
        else if (code.Length > 0 && external.Length > 0)
            errors["ExternalName"] = "Ange antingen en kommun eller en extern medlem, inte båda.";
        if (external.Length > 200) errors["ExternalName"] = "Namnet på den externa medlemmen får vara högst 200 tecken.";
        if (person.Length > 200) errors["RepresentativeName"] = "Representantens namn får vara högst 200 tecken.";
        if (errors.Count > 0) return errors;

        var group = facts.Group(year);
        if (code.Length > 0)
        {
            var municipality = facts.Region.FirstOrDefault(m => m.Code == code);
            if (municipality is null)
                errors["MunicipalityCode"] = $"Kommunen {code} finns inte i satsningens region.";
            else if (group?.Members.Any(m => m.MunicipalityCode == code) == true)
                errors["MunicipalityCode"] = $"{municipality.Name} är redan med i referensgruppen {year}.";
            if (input.LibraryId is int libraryId && municipality is not null
                && !await db.Libraries.AnyAsync(l => l.Id == libraryId && l.MunicipalityCode == code, ct))
                errors["LibraryId"] = $"Biblioteket finns inte i {municipality.Name}.";
        }
        else if (input.LibraryId is not null)
            errors["LibraryId"] = "Ett bibliotek kan bara anges för en kommun.";
        else if (group?.Members.Any(m => string.Equals(m.ExternalName, external, StringComparison.OrdinalIgnoreCase)) == true)
            errors["ExternalName"] = $"{external} är redan med i referensgruppen {year}.";
        if (errors.Count > 0) return errors;

        var member = new ReferenceGroupMember
        {
            MunicipalityCode = code.Length > 0 ? code : null,
            LibraryId = code.Length > 0 ? input.LibraryId : null,
            RepresentativeName = person.Length > 0 ? person : null,
            ExternalName = external.Length > 0 ? external : null,
        };
        // A lost race may be over creating the year's group (someone else added another member first):
        // then the group exists and a second try succeeds; a lost race over the same member fails again.
        if (!await SaveMembersAsync(db, facts.Programme.Id, year, [Copy(member)], ct)
            && !await SaveMembersAsync(db, facts.Programme.Id, year, [Copy(member)], ct))
            errors[code.Length > 0 ? "MunicipalityCode" : "ExternalName"] = "Medlemmen lades till av någon annan samtidigt; den finns redan i gruppen.";
        return errors;
    }

    private static ReferenceGroupMember Copy(ReferenceGroupMember m) => new()
    {
        MunicipalityCode = m.MunicipalityCode, LibraryId = m.LibraryId, RepresentativeName = m.RepresentativeName, ExternalName = m.ExternalName,
    };

    /// <summary>Creates the year's group from a proposal; refused when the year is outside the period or the group exists.</summary>
    public static async Task<string?> CreateGroupAsync(AppDbContext db, ProgrammeFacts facts, int year, IEnumerable<string> municipalityCodes, CancellationToken ct = default)
    {
        if (YearError(facts, year) is { } yearError) return yearError + " Förläng perioden först för att skapa gruppen.";
        if (facts.Group(year) is not null) return $"Referensgruppen {year} finns redan; ändra den på gruppens sida.";
        var members = municipalityCodes.Select(c => new ReferenceGroupMember { MunicipalityCode = c }).ToList();
        return await SaveMembersAsync(db, facts.Programme.Id, year, members, ct, newGroupOnly: true) ? null
            : $"Referensgruppen {year} skapades av någon annan samtidigt; ändra den på gruppens sida.";
    }

    /// <summary>Removes a member of the year's group; false when it is not there.</summary>
    public static async Task<bool> RemoveMemberAsync(AppDbContext db, int programmeId, int year, int memberId, CancellationToken ct = default)
    {
        var member = await db.ReferenceGroupMembers.FirstOrDefaultAsync(m => m.Id == memberId
            && m.ReferenceGroup!.ProgrammeId == programmeId && m.ReferenceGroup.Year == year, ct);
        if (member is null) return false;
        db.ReferenceGroupMembers.Remove(member);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Adds the members (creating the group when needed) in one save. The unique indexes on (programme, year)
    /// and (group, municipality) settle a race between two editors: the loser gets false and nothing is saved.
    /// </summary>
    private static async Task<bool> SaveMembersAsync(AppDbContext db, int programmeId, int year, List<ReferenceGroupMember> members,
        CancellationToken ct, bool newGroupOnly = false)
    {
        var group = newGroupOnly ? null : await db.ReferenceGroups.FirstOrDefaultAsync(g => g.ProgrammeId == programmeId && g.Year == year, ct);
        if (group is null)
        {
            group = new ReferenceGroup { ProgrammeId = programmeId, Year = year };
            db.ReferenceGroups.Add(group);
        }
        group.Members.AddRange(members);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
