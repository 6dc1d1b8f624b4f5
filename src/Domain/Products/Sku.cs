using System.Text.RegularExpressions;

namespace Reservations.Domain.Products;

public readonly partial record struct Sku
{
    public const int MaxLength = 64;

    /// <summary>The characters allowed, unanchored at the end (the OpenAPI schema ends it with <c>$</c>).</summary>
    public const string Characters = "^[A-Za-z0-9][A-Za-z0-9._-]*";

    private Sku(string value) => Value = value;

    public string Value { get; }

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    public static Sku From(string value) =>
        IsValid(value) ? new Sku(value) : throw new ArgumentException($"'{value}' is not a valid SKU.", nameof(value));

    public override string ToString() => Value;

    [GeneratedRegex(Characters + @"\z")]
    private static partial Regex Pattern();
}
