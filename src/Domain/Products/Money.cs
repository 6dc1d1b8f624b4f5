namespace Reservations.Domain.Products;

/// <summary>A non-negative amount with at most two decimals that fits numeric(12,2).</summary>
public readonly record struct Money
{
    public const decimal MaxValue = 9_999_999_999.99m;

    private Money(decimal amount) => Amount = amount;

    public decimal Amount { get; }

    public static bool IsValid(decimal amount) =>
        amount is >= 0 and <= MaxValue && decimal.Round(amount, 2) == amount;

    public static Money From(decimal amount) =>
        IsValid(amount) ? new Money(decimal.Round(amount, 2)) : throw new ArgumentOutOfRangeException(nameof(amount), amount, "Not a valid price.");
}
