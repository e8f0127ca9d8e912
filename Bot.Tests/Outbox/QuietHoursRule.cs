using Bot.Domain.Outbox;

namespace Bot.Tests.Outbox;

public sealed class QuietHoursRule
{
    static readonly QuietHours Night = new(); // 22:00–07:00 Asia/Shanghai
    static readonly OutboxMessage Push = new("k", 1, null, "demand-accepted", "{}");

    // Shanghai is UTC+8: 14:00 UTC is 22:00 there.
    [Theory]
    [InlineData("2026-11-21T13:59:00Z", null)]
    [InlineData("2026-11-21T14:00:00Z", "2026-11-21T23:00:00Z")]
    [InlineData("2026-11-21T18:30:00Z", "2026-11-21T23:00:00Z")]
    [InlineData("2026-11-21T22:59:00Z", "2026-11-21T23:00:00Z")]
    [InlineData("2026-11-21T23:00:00Z", null)]
    [InlineData("2026-11-22T04:00:00Z", null)]
    public void A_push_written_at_night_waits_for_seven_in_the_morning(string written, string? released)
    {
        var at = DateTimeOffset.Parse(written);

        Assert.Equal(released is null ? null : DateTimeOffset.Parse(released), Night.Release(at));
        Assert.Equal(released is null ? null : DateTimeOffset.Parse(released), Night.Apply(Push, at).NotBefore);
    }

    [Fact]
    public void An_urgent_push_is_not_held_back()
    {
        var midnight = DateTimeOffset.Parse("2026-11-21T16:00:00Z");

        Assert.Null(Night.Apply(Push, midnight, urgent: true).NotBefore);
    }

    [Fact]
    public void Equal_start_and_end_switch_quiet_hours_off()
    {
        var always = new QuietHours { Start = new TimeOnly(0, 0), End = new TimeOnly(0, 0) };

        Assert.Null(always.Release(DateTimeOffset.Parse("2026-11-21T16:00:00Z")));
    }
}
