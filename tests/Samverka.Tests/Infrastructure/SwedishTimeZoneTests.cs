using Samverka.Web.Infrastructure;

namespace Samverka.Tests.Infrastructure;

/// <summary>The one place that turns instants into Swedish dates and local times back into instants.</summary>
public class SwedishTimeZoneTests
{
    [Theory]
    [InlineData("2026-06-30T21:59:00Z", "2026-06-30")] // 23:59 summer time
    [InlineData("2026-06-30T22:00:00Z", "2026-07-01")] // midnight summer time, still June in UTC
    [InlineData("2026-12-31T22:59:00Z", "2026-12-31")] // 23:59 winter time
    [InlineData("2026-12-31T23:00:00Z", "2027-01-01")]
    public void Today_IsTheSwedishCalendarDate(string utc, string expected)
    {
        var t = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SwedishTimeZone.Today(t));
        Assert.Equal(SwedishTimeZone.Today(t), SwedishTimeZone.Today(new FixedTime(t)));
    }

    [Fact]
    public void Instant_UsesTheOffsetOfThatDay()
    {
        var summer = SwedishTimeZone.Instant(new DateOnly(2026, 6, 15), new TimeOnly(9, 30));
        var winter = SwedishTimeZone.Instant(new DateOnly(2026, 1, 15), new TimeOnly(9, 30));
        Assert.Equal(TimeSpan.FromHours(2), summer.Offset);
        Assert.Equal(TimeSpan.FromHours(1), winter.Offset);
        Assert.Equal(new DateTime(2026, 6, 15, 9, 30, 0), SwedishTimeZone.Local(summer.ToUniversalTime()));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
