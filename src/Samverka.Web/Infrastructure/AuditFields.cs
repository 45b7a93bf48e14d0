namespace Samverka.Web.Infrastructure;

/// <summary>Swedish names of the fields that appear in the audit trail's changes (stored by property name).</summary>
public static class AuditFields
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["Name"] = "namn",
        ["DisplayName"] = "namn",
        ["Kind"] = "typ",
        ["MunicipalityCode"] = "kommun",
        ["CountyCode"] = "län",
        ["LibraryId"] = "bibliotek",
        ["StreetAddress"] = "adress",
        ["PostalCode"] = "postnummer",
        ["City"] = "ort",
        ["Email"] = "e-post",
        ["UserName"] = "användarnamn",
        ["EmailConfirmed"] = "e-post bekräftad",
        ["Website"] = "webbplats",
        ["IsActive"] = "aktiv",
        ["RoleTitle"] = "roll/titel",
        ["Role"] = "roll",
        ["UserId"] = "konto",
        ["LockoutEnd"] = "låst till",
        ["LockoutEnabled"] = "kan låsas",
        ["TwoFactorEnabled"] = "tvåstegsverifiering",
        ["PhoneNumber"] = "telefon",
        ["Password"] = "lösenord",
        ["ExpiresAt"] = "giltig till",
        ["AcceptedAt"] = "accepterad",
    };

    public static string Label(string field) => Labels.GetValueOrDefault(field, field);
}
