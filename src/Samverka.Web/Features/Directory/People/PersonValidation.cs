using Samverka.Web.Data;
using Samverka.Web.Features.Directory.Libraries;

namespace Samverka.Web.Features.Directory.People;

/// <summary>What a person entry consists of, whether it comes from the form or from an import file.</summary>
public record PersonInput(string? Name, string? Email, int? LibraryId, string? RoleTitle);

/// <summary>
/// The rules for a person, shared by the form and the CSV import so that both accept exactly the
/// same data and explain a refusal in the same words. Keys are the input's property names.
/// </summary>
public static class PersonValidation
{
    public const string PersonalIdentityNumberMessage = Infrastructure.InputText.PersonalIdentityNumberMessage;

    public static Dictionary<string, string> Validate(PersonInput input, Func<int, bool> libraryExists)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors[nameof(input.Name)] = "Ange personens namn.";
        else if (name.Length > 200) errors[nameof(input.Name)] = "Namnet får vara högst 200 tecken.";
        else if (ContainsPersonalIdentityNumber(name)) errors[nameof(input.Name)] = PersonalIdentityNumberMessage;

        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email)) errors[nameof(input.Email)] = "Ange personens e-postadress.";
        else if (!LibraryValidation.IsEmail(email)) errors[nameof(input.Email)] = "E-postadressen ska se ut som namn@exempel.se.";
        else if (ContainsPersonalIdentityNumber(email)) errors[nameof(input.Email)] = PersonalIdentityNumberMessage;

        if (input.LibraryId is not int libraryId) errors[nameof(input.LibraryId)] = "Välj vilket bibliotek eller vilken organisation personen tillhör.";
        else if (!libraryExists(libraryId)) errors[nameof(input.LibraryId)] = $"Biblioteket med nummer {libraryId} finns inte i Samverka.";

        var role = input.RoleTitle?.Trim();
        if ((role?.Length ?? 0) > 200) errors[nameof(input.RoleTitle)] = "Roll eller titel får vara högst 200 tecken.";
        else if (ContainsPersonalIdentityNumber(role)) errors[nameof(input.RoleTitle)] = PersonalIdentityNumberMessage;
        return errors;
    }

    /// <summary>Copies validated input onto the entity; call only when <see cref="Validate"/> found nothing.</summary>
    public static void Apply(PersonInput input, Person person)
    {
        person.Name = input.Name!.Trim();
        person.Email = NormaliseEmail(input.Email)!;
        person.LibraryId = input.LibraryId!.Value;
        person.RoleTitle = LibraryValidation.Clean(input.RoleTitle);
    }

    /// <summary>E-mail addresses are stored trimmed and in lower case; uniqueness ignores case.</summary>
    public static string? NormaliseEmail(string? s) => LibraryValidation.Clean(s)?.ToLowerInvariant();

    /// <summary>Privacy rule: the directory must not collect personnummer, not even by mistake in a name or title (see InputText).</summary>
    public static bool ContainsPersonalIdentityNumber(string? s) => Infrastructure.InputText.ContainsPersonalIdentityNumber(s);
}
