using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;

using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.Administration.Mail;

/// <summary>The outbox, newest first: where development and test installations read the e-mail they "send".</summary>
[Authorize(Roles = Roles.Admin)]
public class IndexModel(AppDbContext db) : PageModel
{
    public const int Shown = 200;
    public List<OutboxMessage> Messages { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        Total = await db.OutboxMessages.CountAsync();
        Messages = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.Id).Take(Shown).ToListAsync();
    }

    public static string Status(OutboxMessage m) => m switch
    {
        { SentAt: not null, Delivery: "stored" } => "Sparat (ingen e-postserver inställd)",
        { SentAt: not null } => "Skickat",
        { Attempts: 0 } => "Väntar på att skickas",
        _ => $"Misslyckades {m.Attempts} {(m.Attempts == 1 ? "gång" : "gånger")}, nytt försök {Infrastructure.InvitationTokens.SwedishTime(m.NextAttemptAt)}",
    };
}
