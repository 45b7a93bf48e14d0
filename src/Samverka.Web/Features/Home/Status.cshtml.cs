using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Samverka.Web.Infrastructure;

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
        // Reached directly (/fel/404) or re-executed by the status-code and exception middleware. The route's code
        // may be missing when re-executed (model binding gives 0): the response must still carry a valid status
        // line, never "HTTP/1.1 0", so an exception is 500 and anything else out of range the original status or 404.
        if (code is < 400 or > 599)
            code = InputGuard.RefusalMessage(HttpContext) is not null ? 400
                : HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null ? 500
                : HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is { OriginalStatusCode: >= 400 and <= 599 } f
                    ? f.OriginalStatusCode : 404;
        Response.StatusCode = code;
        // A refusal of the input as a whole (control characters, a personnummer) says what was wrong.
        if (code == 400 && InputGuard.RefusalMessage(HttpContext) is { } refusal)
        {
            (Heading, Message) = ("Felaktig begäran", refusal);
            return;
        }
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
