using Samverka.Web.Data;

namespace Samverka.Web.Features.Activities;

public static class ActivityKinds
{
    public static readonly IReadOnlyDictionary<ActivityKind, string> Labels = new Dictionary<ActivityKind, string>
    {
        [ActivityKind.Seminarium] = "Seminarium",
        [ActivityKind.Kurs] = "Kurs",
        [ActivityKind.Workshop] = "Workshop",
        [ActivityKind.Forelasning] = "Föreläsning",
        [ActivityKind.Studiebesok] = "Studiebesök",
        [ActivityKind.Kompetensdag] = "Kompetensdag",
        [ActivityKind.Natverkstraff] = "Nätverksträff",
        [ActivityKind.Webbinarium] = "Webbinarium",
    };

    public static string Label(this ActivityKind kind) => Labels[kind];

    public static string Label(this RegistrationStatus s) => s switch
    {
        RegistrationStatus.Confirmed => "Bekräftad",
        RegistrationStatus.Waiting => "Reservlista",
        _ => "Avbokad",
    };

    public static string Label(this ActivityStatus s) => s switch
    {
        ActivityStatus.Draft => "Utkast",
        ActivityStatus.Published => "Publicerad",
        _ => "Inställd",
    };
}
