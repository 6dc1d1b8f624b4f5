namespace Reservations.Application.Products.Edit;

/// <summary>A member of a merge patch (RFC 7396): absent (the field stays as it is) or present with a value, null included.</summary>
public readonly record struct PatchValue<T>(bool IsPresent, T Value)
{
    public static PatchValue<T> Of(T value) => new(true, value);

    public T Or(T current) => IsPresent ? Value : current;
}
