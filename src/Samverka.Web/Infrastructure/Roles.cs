namespace Samverka.Web.Infrastructure;

/// <summary>Role names as stored, with their Swedish labels.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string RegionalCoordinator = "regional";
    public const string LibraryManager = "manager";
    public const string LibraryStaff = "staff";
    public const string NationalCoordinator = "national";

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [Admin] = "Administratör",
        [RegionalCoordinator] = "Regional samordnare",
        [LibraryManager] = "Bibliotekschef",
        [LibraryStaff] = "Bibliotekspersonal",
        [NationalCoordinator] = "Nationell samordnare",
    };

    /// <summary>Roles that may change the directory (libraries and people).</summary>
    public const string DirectoryEditors = Admin + "," + RegionalCoordinator + "," + LibraryManager;
}
