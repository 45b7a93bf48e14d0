using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Programmes;

/// <summary>The outcome of an enrolment attempt: the new enrolment, or a Swedish message with its HTTP status.</summary>
public sealed record EnrolResult(Enrolment? Enrolment, string? Field, string? Error, int Status)
{
    public static EnrolResult Ok(Enrolment e) => new(e, null, null, 201);
    public static EnrolResult Fail(string field, string error, int status = 400) => new(null, field, error, status);
}

/// <summary>
/// Who may change programmes and enrolments, and the enrolment rules. Shared by the offering page and
/// the JSON API so both refuse the same things with the same Swedish messages.
/// </summary>
public static class ProgrammeRules
{
    /// <summary>Administrators; a regional coordinator only when the programme lies wholly within their counties.</summary>
    public static bool CanEditProgramme(UserScope s, IReadOnlyCollection<string> regionCodes) =>
        s.IsSystem || s.IsAdmin || (s.Counties.Count > 0 && regionCodes.Count > 0 && regionCodes.All(s.Counties.Contains));

    /// <summary>Whether the user may create a programme at all (in some county).</summary>
    public static bool CanCreateProgramme(UserScope s) => s.IsSystem || s.IsAdmin || s.Counties.Count > 0;

    /// <summary>Enrolling is a decision for the municipality's region: administrators, or the coordinator of its county.</summary>
    public static bool CanEnrol(UserScope s, string municipalityCountyCode) =>
        s.IsSystem || s.IsAdmin || s.Counties.Contains(municipalityCountyCode);

    /// <summary>Whether the user may enrol anyone in this programme: decides whether the form is shown.</summary>
    public static bool CanEnrolAny(UserScope s, IEnumerable<string> regionCodes) =>
        s.IsSystem || s.IsAdmin || regionCodes.Any(s.Counties.Contains);

    public static Task<List<string>> RegionCodesAsync(AppDbContext db, int programmeId, CancellationToken ct = default) =>
        db.ProgrammeRegions.AsNoTracking().Where(r => r.ProgrammeId == programmeId).Select(r => r.CountyCode).ToListAsync(ct);

    /// <summary>
    /// Enrols a municipality in an offering for a year, refusing (and changing nothing) an unknown
    /// municipality, one outside the offering's area or the user's scope, a year outside the period,
    /// an ineligible municipality without a recorded exception, and a duplicate. The caller has
    /// checked that the offering belongs to the programme.
    /// </summary>
    public static async Task<EnrolResult> EnrolAsync(AppDbContext db, UserScope scope, Programme programme, int offeringId,
        string? municipalityCode, string? yearText, CancellationToken ct = default)
    {
        var code = municipalityCode?.Trim() ?? "";
        if (code.Length == 0) return EnrolResult.Fail("MunicipalityCode", "Välj en kommun.");
        var found = await Eligibility.ForOfferingAsync(db, programme.Id, offeringId, ct);
        if (found is not var (offering, outcomes)) return EnrolResult.Fail("", "Erbjudandet finns inte.", 404);
        var municipality = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(m => m.Code == code, ct);
        if (municipality is null) return EnrolResult.Fail("MunicipalityCode", $"Kommunen {code} finns inte. Ange en kommunkod med fyra siffror, till exempel 1280.");
        var outcome = outcomes.FirstOrDefault(o => o.MunicipalityCode == code);
        if (outcome is null) return EnrolResult.Fail("MunicipalityCode", $"{municipality.Name} ligger utanför {offering.Name}s område och kan inte anslutas.");
        if (!CanEnrol(scope, municipality.CountyCode)) return EnrolResult.Fail("MunicipalityCode", $"Du får inte ansluta kommuner i {municipality.Name}s län.", 403);

        var (first, last) = (programme.StartDate.Year, programme.EndDate.Year);
        if (!int.TryParse(yearText?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
            return EnrolResult.Fail("Year", $"Ange året som ett årtal, till exempel {first}.");
        if (year < first || year > last)
            return EnrolResult.Fail("Year", $"Året {year} ligger utanför programmets period {first}–{last}.");
        if (!outcome.MayEnrol)
            return EnrolResult.Fail("MunicipalityCode", $"{municipality.Name} uppfyller inte villkoren för {offering.Name}: {outcome.Explanation}.");

        var duplicate = $"{municipality.Name} är redan anslutet till {offering.Name} för {year}.";
        if (await db.Enrolments.AnyAsync(e => e.OfferingId == offeringId && e.MunicipalityCode == code && e.Year == year, ct))
            return EnrolResult.Fail("MunicipalityCode", duplicate, 409);
        var enrolment = new Enrolment { OfferingId = offeringId, MunicipalityCode = code, Year = year, CreatedAt = DateTimeOffset.UtcNow };
        db.Enrolments.Add(enrolment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (PostgresErrors.IsUniqueViolation(ex))
        {
            // Someone enrolled the same municipality between our check and our insert: the unique index keeps one.
            db.Entry(enrolment).State = EntityState.Detached;
            return EnrolResult.Fail("MunicipalityCode", duplicate, 409);
        }
        return EnrolResult.Ok(enrolment);
    }

    /// <summary>Removes an enrolment of the offering; a Swedish message when it does not exist or is outside the user's scope.</summary>
    public static async Task<string?> UnenrolAsync(AppDbContext db, UserScope scope, int offeringId, int enrolmentId, CancellationToken ct = default)
    {
        var enrolment = await db.Enrolments.Include(e => e.Municipality)
            .FirstOrDefaultAsync(e => e.Id == enrolmentId && e.OfferingId == offeringId, ct);
        if (enrolment is null) return "Anslutningen finns inte längre.";
        if (!CanEnrol(scope, enrolment.Municipality!.CountyCode)) return $"Du får inte ändra anslutningar för {enrolment.Municipality.Name}.";
        db.Enrolments.Remove(enrolment);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
