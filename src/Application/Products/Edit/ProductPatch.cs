using Reservations.Domain.Products;

namespace Reservations.Application.Products.Edit;

/// <summary>Null clears <see cref="MaxPerCustomer"/>, <see cref="SalesOpenAt"/> and <see cref="SalesCloseAt"/>; the
/// validator refuses it for the others.</summary>
public sealed record ProductPatch
{
    public PatchValue<string?> Name { get; init; }
    public PatchValue<decimal?> Price { get; init; }
    public PatchValue<int?> MaxPerCustomer { get; init; }
    public PatchValue<int?> HoldSeconds { get; init; }
    public PatchValue<int?> MaxHoldSeconds { get; init; }
    public PatchValue<DateTimeOffset?> SalesOpenAt { get; init; }
    public PatchValue<DateTimeOffset?> SalesCloseAt { get; init; }
    public PatchValue<bool?> Paused { get; init; }

    /// <summary>The terms with this patch applied; call it on a patch the validator accepted.</summary>
    public ProductTerms ApplyTo(ProductTerms current) => new(
        Name.Or(current.Name)!,
        Price.IsPresent ? Money.From(Price.Value!.Value) : current.Price,
        MaxPerCustomer.Or(current.MaxPerCustomer),
        HoldSeconds.IsPresent ? HoldDuration.FromSeconds(HoldSeconds.Value!.Value) : current.Hold,
        MaxHoldSeconds.Or(current.MaxHoldSeconds)!.Value,
        SalesOpenAt.Or(current.SalesOpenAt),
        SalesCloseAt.Or(current.SalesCloseAt),
        Paused.Or(current.Paused)!.Value);
}
