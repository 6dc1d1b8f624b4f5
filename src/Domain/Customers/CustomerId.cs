namespace Reservations.Domain.Customers;

public readonly record struct CustomerId
{
    public const int MaxLength = 128;

    private CustomerId(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && !value.Any(char.IsControl) && IsWellFormed(value);

    // A lone surrogate would become U+FFFD in UTF-8, making two different ids look alike in keys and in PostgreSQL.
    private static bool IsWellFormed(string value)
    {
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (System.Text.Rune.DecodeFromUtf16(rest, out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            rest = rest[used..];
        }

        return true;
    }

    public static CustomerId From(string value) =>
        IsValid(value) ? new CustomerId(value) : throw new ArgumentException("Not a valid customer id.", nameof(value));

    public override string ToString() => Value;
}
