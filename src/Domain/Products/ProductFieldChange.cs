namespace Reservations.Domain.Products;

/// <summary>One field of a product an edit changed, named as clients write it, with its values before and after.</summary>
public sealed record ProductFieldChange(string Field, object? Before, object? After);
