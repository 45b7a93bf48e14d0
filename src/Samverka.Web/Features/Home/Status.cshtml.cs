using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Samverka.Web.Features.Home;

/// <summary>Error pages in Swedish. They never show exception details, whatever the environment.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    // From the route only: a re-executed form post may carry its own "code" field (the sign-in code).
    public void OnGet([FromRoute] int code) => Set(code);
    public void OnPost([FromRoute] int code) => Set(code);

    private void Set(int code)
    {
        // Reached directly (/fel/404) or re-executed by the status-code and exception middleware.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is < 400 or > 599)
            code = 404;
        Response.StatusCode = code;
        (Heading, Message) = code switch
        {
            400 => ("Felaktig begäran", "Adressen eller uppgifterna kunde inte tolkas. Kontrollera och försök igen."),
            403 => ("Du saknar behörighet", "Ditt konto har inte behörighet att se den här sidan."),
            404 => ("Sidan finns inte", "Sidan du söker finns inte. Den kan ha flyttats eller tagits bort, eller så är adressen felskriven."),
            405 => ("Åtgärden stöds inte", "Sidan kan inte användas på det sättet."),
            429 => ("För många försök", "Du har gjort för många försök på kort tid. Vänta en stund och försök igen."),
            503 => ("Tjänsten är hårt belastad", Infrastructure.DatabaseBusyHandler.Message),
            >= 500 => ("Något gick fel", "Ett tekniskt fel uppstod hos oss. Felet är loggat. Försök igen om en stund."),
            _ => ("Något gick fel", "Begäran kunde inte genomföras."),
        };
    }
}
