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
    /// <summary>"misslyckade": messages not sent after at least one failed attempt.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Visa { get; set; }

    public async Task OnGetAsync()
    {
        var q = Visa == "misslyckade" ? Failing(db.OutboxMessages) : db.OutboxMessages;
        Total = await q.CountAsync();
        Messages = await q.AsNoTracking().OrderByDescending(m => m.Id).Take(Shown).ToListAsync();
    }

    /// <summary>Messages whose delivery has failed and that are not yet sent.</summary>
    public static IQueryable<OutboxMessage> Failing(IQueryable<OutboxMessage> q) => q.Where(m => m.SentAt == null && m.Attempts > 0);

    public static string Status(OutboxMessage m) => m switch
    {
        { SentAt: not null, Delivery: "stored" } => "Sparat (ingen e-postserver inställd)",
        { SentAt: not null } => "Skickat",
        { Attempts: 0 } => "Väntar på att skickas",
        _ => $"Misslyckades {m.Attempts} {(m.Attempts == 1 ? "gång" : "gånger")}, nytt försök {Infrastructure.InvitationTokens.SwedishTime(m.NextAttemptAt)}",
    };
}
