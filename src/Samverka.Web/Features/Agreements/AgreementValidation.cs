using Samverka.Web.Infrastructure;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Features.Directory.People;

namespace Samverka.Web.Features.Agreements;

/// <summary>The agreement's head (title, registry number, period, interval), checked alike for the form and the API.</summary>
public sealed record AgreementHead(string Title, string? RegistryNumber, DateOnly ValidFrom, DateOnly ValidTo, int IntervalMonths);

public static class AgreementValidation
{
    /// <summary>
    /// Checks the head; errors are keyed Title, RegistryNumber, ValidFrom, ValidTo, FollowUpIntervalMonths.
    /// <paramref name="agreementId"/> is the agreement being edited (its own registry number is no duplicate).
    /// </summary>
    public static async Task<(AgreementHead? Head, Dictionary<string, string> Errors)> ValidateHeadAsync(AppDbContext db,
        string countyCode, int? agreementId, string? title, string? registryNumber, string? validFrom, string? validTo, string? interval,
        CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var t = title?.Trim() ?? "";
        if (t.Length == 0) errors["Title"] = "Ange överenskommelsens rubrik.";
        else if (t.Length > 300) errors["Title"] = "Rubriken får vara högst 300 tecken.";
        var reg = string.IsNullOrWhiteSpace(registryNumber) ? null : registryNumber.Trim();
        if (reg is { Length: > 50 }) errors["RegistryNumber"] = "Diarienumret får vara högst 50 tecken.";
        else if (reg is not null && await RegistryNumberTakenAsync(db, countyCode, reg, agreementId, ct))
            errors["RegistryNumber"] = $"Diarienumret {reg} används redan av en annan överenskommelse i regionen.";
        var from = ParseDate(validFrom, "ValidFrom", "giltig från", errors);
        var to = ParseDate(validTo, "ValidTo", "giltig till", errors);
        if (from is { } f0 && to is { } t0 && t0 <= f0) errors["ValidTo"] = "Slutdatum måste vara efter startdatum.";
        int? months = int.TryParse(interval?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : null;
        if (months is null or < 1 or > 60)
            errors["FollowUpIntervalMonths"] = "Ange intervallet för avstämning i hela månader mellan 1 och 60, till exempel 6 för halvårsvis.";
        else if (from is { } f1 && to is { } t1 && t1 > f1 && AgreementRules.FollowUpDates(f1, t1, months.Value).Count == 0)
            errors["FollowUpIntervalMonths"] = $"Med {months} månaders intervall hamnar ingen avstämning inom perioden {f1:yyyy-MM-dd} – {t1:yyyy-MM-dd}. Välj ett kortare intervall.";
        // The registry number is not checked: a diarienummer such as 2019-000153 is digits by nature.
        if (PersonValidation.ContainsPersonalIdentityNumber(t)) errors["Title"] = PersonValidation.PersonalIdentityNumberMessage;
        return errors.Count > 0 ? (null, errors) : (new AgreementHead(t, reg, from!.Value, to!.Value, months!.Value), errors);
    }

    /// <summary>Whether another first version in the region has the number; an amendment shares its first version's.</summary>
    private static async Task<bool> RegistryNumberTakenAsync(AppDbContext db, string countyCode, string reg, int? agreementId, CancellationToken ct)
    {
        var root = agreementId is int id ? await db.Agreements.Where(a => a.Id == id).Select(a => a.AmendsAgreementId ?? a.Id).FirstOrDefaultAsync(ct) : 0;
        return await db.Agreements.AnyAsync(a => a.CountyCode == countyCode && a.RegistryNumber == reg && a.AmendsAgreementId == null && a.Id != root, ct);
    }

    /// <summary>Two saves with the same registry number at once: the unique index lets one through and this names the other.</summary>
    public static bool IsRegistryNumberConflict(DbUpdateException e) =>
        PostgresErrors.IsUniqueViolation(e, "ix_agreements_county_code_registry_number");

    public const string RegistryNumberRace = "Någon annan sparade just en överenskommelse med samma diarienummer i regionen. Välj ett annat diarienummer.";

    public static DateOnly? ParseDate(string? text, string field, string label, Dictionary<string, string> errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors[field] = string.IsNullOrWhiteSpace(text) ? $"Ange {label}." : $"Ange {label} som ÅÅÅÅ-MM-DD, till exempel 2018-12-01.";
        return null;
    }

    /// <summary>Applies a validated head to a draft and reschedules its follow-ups.</summary>
    public static void Apply(AgreementHead h, Agreement a, DateTimeOffset now)
    {
        a.Title = h.Title;
        a.RegistryNumber = h.RegistryNumber;
        a.ValidFrom = h.ValidFrom;
        a.ValidTo = h.ValidTo;
        a.FollowUpIntervalMonths = h.IntervalMonths;
        a.UpdatedAt = now; // also makes the UPDATE that checks the version
        AgreementRules.Reschedule(a);
    }
}
