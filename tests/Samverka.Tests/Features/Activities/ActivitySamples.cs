using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Support;
using Samverka.Web.Data;
using Samverka.Web.Infrastructure;
using Samverka.Web.Features.Activities;
using Samverka.Web.Features.Directory;

namespace Samverka.Tests.Features.Activities;

/// <summary>Activities and people made directly in the database for a test, each with a unique title.</summary>
public static class ActivitySamples
{
    /// <param name="days">Days from today to the (first) session.</param>
    public static Task<int> CreateAsync(SamverkaFactory app, int capacity = 20, string county = "12", int days = 20,
        int? organiserLibraryId = null, ActivityStatus status = ActivityStatus.Published, DateTimeOffset? closes = null,
        (DateOnly Date, TimeOnly Start, TimeOnly End)[]? sessions = null, int[]? themes = null, bool openToOthers = true) =>
        app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days);
            var a = new Activity
            {
                Uid = Guid.NewGuid(), Title = "Testaktivitet " + UniqueText.Letters(8), Kind = ActivityKind.Workshop, CountyCode = county,
                Capacity = capacity, Place = "Testsalen", OrganiserLibraryId = organiserLibraryId, Status = status, RegistrationClosesAt = closes,
                OpenToOtherLibraries = openToOthers, CreatedAt = now, UpdatedAt = now,
                Sessions = (sessions ?? [(date, new TimeOnly(9, 0), new TimeOnly(12, 0))])
                    .Select(s => new ActivitySession { Date = s.Date, StartTime = s.Start, EndTime = s.End }).ToList(),
                Themes = (themes ?? [3]).Select(t => new ActivityTheme { ThemeId = t }).ToList(),
            };
            db.Activities.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

    /// <summary>Creates <paramref name="count"/> fictional people in the library; returns their ids in creation order.</summary>
    public static Task<List<int>> PeopleAsync(SamverkaFactory app, int count, string libraryName = "Kävlinge bibliotek") =>
        app.WithDbAsync(async db =>
        {
            var libraryId = await db.Libraries.Where(l => l.Name == libraryName).Select(l => l.Id).SingleAsync();
            var tag = UniqueText.Letters(8).ToLowerInvariant();
            var now = DateTimeOffset.UtcNow;
            var people = Enumerable.Range(0, count).Select(i => new Person
            {
                // "Ö…" sorts last in Swedish: the many test people stay behind the demo people on paged lists other tests read.
                Name = $"Öö Testperson {tag} {Letters(i)}", Email = $"test.{tag}.{Letters(i)}@exempel.se", LibraryId = libraryId, CreatedAt = now, UpdatedAt = now,
            }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            return people.Select(p => p.Id).ToList();
        });

    /// <summary>A number as letters (a, b, …, ba, …): digits in names could look like a personnummer.</summary>
    private static string Letters(int i) => i < 26 ? ((char)('a' + i)).ToString() : Letters(i / 26 - 1) + (char)('a' + i % 26);

    public static Task<Dictionary<RegistrationStatus, int>> CountsAsync(SamverkaFactory app, int activityId) =>
        app.WithDbAsync(db => db.ActivityRegistrations.Where(r => r.ActivityId == activityId).GroupBy(r => r.Status)
            .ToDictionaryAsync(g => g.Key, g => g.Count()));

    /// <summary>
    /// Marks the e-mail queued for test people as delivered: hundreds of due messages would otherwise slow the
    /// outbox tests that share this database (their sender drains every due message first).
    /// </summary>
    public static Task SettleTestMailAsync(SamverkaFactory app) =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.SentAt == null && m.ToAddress.StartsWith("test."))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, DateTimeOffset.UtcNow).SetProperty(m => m.Delivery, "stored")));

    public static Task<List<OutboxMessage>> MailToAsync(SamverkaFactory app, string email) =>
        app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == email).OrderBy(m => m.Id).ToListAsync());
}
