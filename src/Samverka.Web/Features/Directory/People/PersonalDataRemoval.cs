using Samverka.Web.Data;

namespace Samverka.Web.Features.Directory.People;

/// <summary>What a person's entry looks like after an administrator has removed their personal data.</summary>
public static class PersonalDataRemoval
{
    public const string RemovedName = "Borttagen person";
    public const string RemovedAccountName = "Borttagen användare";
    private const string Domain = "@invalid.example";

    /// <summary>Unique per person (the e-mail column is unique) and undeliverable: .example is reserved (RFC 2606).</summary>
    public static string RemovedEmail(int personId) => $"borttagen-{personId}{Domain}";

    public static bool IsRemoved(Person p) => p.Email.EndsWith(Domain, StringComparison.Ordinal) && p.Name == RemovedName;
}
