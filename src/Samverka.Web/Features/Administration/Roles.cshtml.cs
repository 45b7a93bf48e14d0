using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Accounts;

namespace Samverka.Web.Features.Administration;

/// <summary>
/// What each role may do, computed by asking <see cref="DirectoryAccess"/> about sample records inside
/// and outside a sample organisation, with a scope built from role claims exactly as at sign-in. The
/// table therefore cannot drift from what the code enforces.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public class RolesModel : PageModel
{
    public record Column(string Label, string? Role);
    public record Row(string Action, IReadOnlyList<string> Cells);

    // A sample organisation: Malmö stadsbibliotek (library 1) in Malmö (1280), Skåne (12); and one outside it.
    private const string OwnMunicipality = "1280", OwnCounty = "12", OtherMunicipality = "1980", OtherCounty = "19";
    private const int OwnLibrary = 1, OtherLibrary = 2;
    private const string SelfEmail = "jag@exempel.se";

    public static readonly IReadOnlyList<Column> Columns =
        [.. Roles.Labels.Select(r => new Column(r.Value, r.Key)), new Column("Allmänheten (inte inloggad)", null)];

    public IReadOnlyList<Row> Rows { get; } = Build();

    public void OnGet() { }

    /// <summary>The scope a person holding only <paramref name="role"/> (in the sample organisation) gets.</summary>
    public static UserScope SampleScope(string? role)
    {
        if (role is null) return UserScope.Anonymous;
        var value = role switch
        {
            Roles.RegionalCoordinator => OwnCounty,
            Roles.LibraryManager => OwnMunicipality,
            Roles.LibraryStaff => OwnLibrary.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "*",
        };
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "exempel"), new Claim(ClaimTypes.Email, SelfEmail), new Claim(ClaimTypes.Role, role),
            new Claim(AppClaimsPrincipalFactory.ScopeClaim, $"{role}:{value}"),
        ], "exempel");
        return UserScope.From(new ClaimsPrincipal(identity));
    }

    private static string Own(string? role) => role switch
    {
        Roles.RegionalCoordinator => "Inom sin region",
        Roles.LibraryManager => "Inom sin kommun",
        Roles.LibraryStaff => "Sitt eget bibliotek",
        _ => "Inom sin organisation",
    };

    /// <summary>"Alla" when allowed outside the organisation, the organisation when only inside, else "Nej".</summary>
    private static string Cell(string? role, Func<UserScope, bool, bool> allowed, Func<UserScope, bool>? self = null)
    {
        var s = SampleScope(role);
        if (allowed(s, false)) return "Ja, alla";
        var parts = new List<string>();
        if (allowed(s, true)) parts.Add(Own(role));
        if (self?.Invoke(s) == true) parts.Add(parts.Count == 0 ? "Bara sig själv" : "sig själv");
        return parts.Count == 0 ? "Nej" : string.Join(" och ", parts);
    }

    private static bool EditLibrary(UserScope s, bool inside) =>
        DirectoryAccess.CanEditLibrary(s, inside ? OwnMunicipality : OtherMunicipality, inside ? OwnCounty : OtherCounty);

    private static bool ReadPerson(UserScope s, bool inside) =>
        DirectoryAccess.CanReadPerson(s, "annan@exempel.se", inside ? OwnLibrary : OtherLibrary,
            inside ? OwnMunicipality : OtherMunicipality, inside ? OwnCounty : OtherCounty);

    private static bool EditPerson(UserScope s, bool inside) =>
        DirectoryAccess.CanEditPerson(s, inside ? OwnMunicipality : OtherMunicipality, inside ? OwnCounty : OtherCounty);

    private static List<Row> Build()
    {
        Row Line(string action, Func<UserScope, bool, bool> allowed, Func<UserScope, bool>? self = null) =>
            new(action, [.. Columns.Select(c => Cell(c.Role, allowed, self))]);
        return
        [
            // Libraries, municipalities and counties are public: every page and the read API allow anonymous visitors.
            Line("Läsa katalogen (län, kommuner, bibliotek)", (_, _) => true),
            Line("Lägga till, ändra och avaktivera bibliotek (formulär, import, API)", EditLibrary),
            Line("Läsa personer (lista, detaljer, export)", ReadPerson,
                s => DirectoryAccess.CanReadPerson(s, SelfEmail, OtherLibrary, OtherMunicipality, OtherCounty)),
            Line("Lägga till, ändra och avaktivera personer (formulär, import)", EditPerson),
            Line("Hantera konton och referensdata", (s, _) => DirectoryAccess.CanAdminister(s)),
        ];
    }
}
