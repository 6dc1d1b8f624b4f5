namespace Reservations.Application.Webhooks.Delivery;

/// <summary>The wait before each next attempt; past the list, its last delay repeats until the retry window closes.</summary>
public sealed class WebhookRetrySchedule(IReadOnlyList<TimeSpan> delays)
{
    public static readonly IReadOnlyList<TimeSpan> Default =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8),
    ];

    /// <summary>The wait after the attempt numbered <paramref name="attempts"/> (1 = the first) failed.</summary>
    public TimeSpan DelayAfter(int attempts) => delays[Math.Clamp(attempts - 1, 0, delays.Count - 1)];
}
