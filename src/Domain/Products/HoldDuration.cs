namespace Reservations.Domain.Products;

/// <summary>How long a hold on a product lasts before its stock goes back.</summary>
public readonly record struct HoldDuration
{
    public const int MinSeconds = 1;
    public const int MaxSeconds = 86_400;
    public const int DefaultSeconds = 600;

    private HoldDuration(int seconds) => Seconds = seconds;

    public int Seconds { get; }

    public static HoldDuration Default => new(DefaultSeconds);

    /// <summary>A product's cap on a hold's whole length when none is given: three holds, at most a day.</summary>
    public static int DefaultMaxSeconds(int holdSeconds) => Math.Min(3 * holdSeconds, MaxSeconds);

    public static bool IsValid(int seconds) => seconds is >= MinSeconds and <= MaxSeconds;

    /// <summary>A cap on a hold's whole length is at least one hold of the product and at most a day.</summary>
    public static bool IsValidMax(int holdSeconds, int maxHoldSeconds) => maxHoldSeconds >= holdSeconds && maxHoldSeconds <= MaxSeconds;

    public static HoldDuration FromSeconds(int seconds) =>
        IsValid(seconds) ? new HoldDuration(seconds) : throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Not a valid hold duration.");
}
