namespace Reservations.Domain.Products;

public readonly record struct HoldDuration
{
    public const int MinSeconds = 1;
    public const int MaxSeconds = 86_400;
    public const int DefaultSeconds = 600;

    private HoldDuration(int seconds) => Seconds = seconds;

    public int Seconds { get; }

    public static HoldDuration Default => new(DefaultSeconds);

    public static int DefaultMaxSeconds(int holdSeconds) => Math.Min(3 * holdSeconds, MaxSeconds);

    public static bool IsValid(int seconds) => seconds is >= MinSeconds and <= MaxSeconds;

    public static bool IsValidMax(int holdSeconds, int maxHoldSeconds) => maxHoldSeconds >= holdSeconds && maxHoldSeconds <= MaxSeconds;

    public static HoldDuration FromSeconds(int seconds) =>
        IsValid(seconds) ? new HoldDuration(seconds) : throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Not a valid hold duration.");
}
