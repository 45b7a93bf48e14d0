using System.Net.Mail;
using System.Text.RegularExpressions;
using Samverka.Web.Data;
using Samverka.Web.Features.Directory.People;

namespace Samverka.Web.Features.Directory.Libraries;

/// <summary>
/// The rules for a library, shared by the form, the API and the CSV import so that every
/// entry point accepts exactly the same data and explains a refusal in the same words.
/// Keys are the input's property names.
/// </summary>
public static partial class LibraryValidation
{
    public static Dictionary<string, string> Validate(LibraryInput input, Func<string, bool> municipalityExists)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors[nameof(input.Name)] = "Ange bibliotekets namn.";
        else if (name.Length > 200) errors[nameof(input.Name)] = "Namnet får vara högst 200 tecken.";

        if (string.IsNullOrWhiteSpace(input.Kind)) errors[nameof(input.Kind)] = "Välj typ av bibliotek.";
        else if (!LibraryKinds.TryParse(input.Kind, out _))
            errors[nameof(input.Kind)] = $"Okänd bibliotekstyp \"{input.Kind.Trim()}\". Giltiga typer: {string.Join(", ", LibraryKinds.Labels.Values).ToLowerInvariant()}.";

        var code = input.MunicipalityCode?.Trim();
        if (string.IsNullOrEmpty(code)) errors[nameof(input.MunicipalityCode)] = "Välj kommun.";
        else if (!MunicipalityCodeRegex().IsMatch(code)) errors[nameof(input.MunicipalityCode)] = $"Kommunkoden \"{code}\" ska vara fyra siffror, till exempel 1280.";
        else if (!municipalityExists(code)) errors[nameof(input.MunicipalityCode)] = $"Okänd kommunkod {code}.";

        if (!string.IsNullOrWhiteSpace(input.PostalCode) && NormalisePostalCode(input.PostalCode) is null)
            errors[nameof(input.PostalCode)] = "Postnumret ska vara fem siffror, till exempel 211 46.";
        if (!string.IsNullOrWhiteSpace(input.Email) && !IsEmail(input.Email))
            errors[nameof(input.Email)] = "E-postadressen ska se ut som namn@exempel.se.";
        if (!string.IsNullOrWhiteSpace(input.Website) && !IsWebAddress(input.Website))
            errors[nameof(input.Website)] = "Webbadressen ska börja med https:// eller http://.";
        if ((input.StreetAddress?.Length ?? 0) > 200) errors[nameof(input.StreetAddress)] = "Adressen får vara högst 200 tecken.";
        if ((input.City?.Length ?? 0) > 100) errors[nameof(input.City)] = "Orten får vara högst 100 tecken.";
        if (!string.IsNullOrWhiteSpace(input.Sigel) && !IsSigel(input.Sigel.Trim()))
            errors[nameof(input.Sigel)] = SigelMessage;

        // Privacy rule: no personnummer anywhere, not even pasted by mistake into an address.
        foreach (var (field, value) in new[] { (nameof(input.Name), input.Name), (nameof(input.StreetAddress), input.StreetAddress),
                     (nameof(input.City), input.City), (nameof(input.Email), input.Email), (nameof(input.Website), input.Website) })
            if (!errors.ContainsKey(field) && PersonValidation.ContainsPersonalIdentityNumber(value))
                errors[field] = PersonValidation.PersonalIdentityNumberMessage;
        return errors;
    }

    /// <summary>Copies validated input onto the entity; call only when <see cref="Validate"/> found nothing.</summary>
    public static void Apply(LibraryInput input, Library library)
    {
        LibraryKinds.TryParse(input.Kind, out var kind);
        library.Name = input.Name!.Trim();
        library.Kind = kind;
        library.MunicipalityCode = input.MunicipalityCode!.Trim();
        library.StreetAddress = Clean(input.StreetAddress);
        library.PostalCode = NormalisePostalCode(input.PostalCode);
        library.City = Clean(input.City);
        library.Email = Clean(input.Email)?.ToLowerInvariant();
        library.Website = Clean(input.Website);
        if (input.Sigel is not null) library.Sigel = Clean(input.Sigel);
    }

    public const string SigelMessage = "Sigeln ska vara 1–20 bokstäver eller siffror (bindestreck, snedstreck och punkt går också), till exempel Ma eller Gbg.";

    /// <summary>KB's sigels are short codes of letters and digits, sometimes with - / or . ("Ma", "Gbg", "Lu", "Alvesta").</summary>
    public static bool IsSigel(string s) => SigelRegex().IsMatch(s);

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}\-/.]{0,19}$")]
    private static partial Regex SigelRegex();

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string? NormalisePostalCode(string? s)
    {
        var digits = new string((s ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        return digits.Length == 5 && digits.All(char.IsAsciiDigit) ? $"{digits[..3]} {digits[3..]}" : null;
    }

    public static bool IsEmail(string s)
    {
        s = s.Trim();
        return s.Length <= 254 && MailAddress.TryCreate(s, out var a) && a.Address == s && s.Contains('.', StringComparison.Ordinal);
    }

    public static bool IsWebAddress(string s) =>
        Uri.TryCreate(s.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex MunicipalityCodeRegex();
}
