using Microsoft.EntityFrameworkCore;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;

namespace Samverka.Web.Features.LibraryPlans;

/// <summary>
/// A region's plan surveys as the coordinator follows them up: answers waiting to be confirmed (an answer changes
/// the register only then, however old the survey) and, for surveys sent in the last <see cref="RecentMonths"/>
/// months, the municipalities that have not answered (an older survey's silence is no longer worth a reminder).
/// The region's page lists these rows and the start page sums them, so the two agree.
/// </summary>
public sealed record SurveyFollowUpRow(int Id, int Year, DateTimeOffset SentAt, int Answered, int Total, int ToConfirm, bool Recent)
{
    /// <summary>Municipalities without an answer, counted only while the survey is recent.</summary>
    public int NonRespondentsToRemind => Recent ? Total - Answered : 0;
}

public static class SurveyFollowUp
{
    public const int RecentMonths = 12;

    /// <summary>Sent after the same day <see cref="RecentMonths"/> months ago (Swedish days).</summary>
    public static bool IsRecent(DateTimeOffset sentAt, DateOnly today) => SwedishTimeZone.Today(sentAt) > today.AddMonths(-RecentMonths);

    public static bool AwaitsConfirmation(DateTimeOffset? answeredAt, DateTimeOffset? confirmedAt) => answeredAt is not null && confirmedAt is null;

    public static async Task<List<SurveyFollowUpRow>> ForCountyAsync(AppDbContext db, string county, DateOnly today, CancellationToken ct = default)
    {
        var rows = await db.PlanSurveys.AsNoTracking().Where(x => x.CountyCode == county).OrderByDescending(x => x.Year).ThenByDescending(x => x.SentAt)
            .Select(x => new
            {
                x.Id, x.Year, x.SentAt, Answered = x.Responses.Count(r => r.AnsweredAt != null), Total = x.Responses.Count,
                ToConfirm = x.Responses.Count(r => r.AnsweredAt != null && r.ConfirmedAt == null),
            }).ToListAsync(ct);
        return [.. rows.Select(x => new SurveyFollowUpRow(x.Id, x.Year, x.SentAt, x.Answered, x.Total, x.ToConfirm, IsRecent(x.SentAt, today)))];
    }
}
