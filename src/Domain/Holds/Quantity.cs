namespace Reservations.Domain.Holds;

public readonly record struct Quantity
{
    public const int MinValue = 1;
    public const int MaxValue = 1000;

    private Quantity(int value) => Value = value;

    public int Value { get; }

    public static bool IsValid(int value) => value is >= MinValue and <= MaxValue;

    public static Quantity From(int value) =>
        IsValid(value) ? new Quantity(value) : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a valid quantity.");
}
