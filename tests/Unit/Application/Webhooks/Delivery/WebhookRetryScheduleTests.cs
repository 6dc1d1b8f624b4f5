using Reservations.Application.Webhooks.Delivery;

namespace Reservations.UnitTests.Application.Webhooks.Delivery;

public class WebhookRetryScheduleTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 30)]
    [InlineData(3, 120)]
    [InlineData(9, 8 * 3600)]
    [InlineData(20, 8 * 3600)]
    public void DelayAfter_FollowsTheDefaultScheduleThenRepeatsItsLastDelay(int attempts, int seconds) =>
        new WebhookRetrySchedule(WebhookRetrySchedule.Default).DelayAfter(attempts).Should().Be(TimeSpan.FromSeconds(seconds));

    [Fact]
    public void Default_ReachesPastTheRetryWindowOfADay() =>
        WebhookRetrySchedule.Default.Aggregate(TimeSpan.Zero, (sum, d) => sum + d).Should().BeGreaterThan(TimeSpan.FromHours(15));
}
