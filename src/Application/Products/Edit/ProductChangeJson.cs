using System.Text.Json;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.Edit;

/// <summary>The audit's record of an edit: <c>{"field":{"before":…,"after":…}}</c>, fields named as clients write them.</summary>
public static class ProductChangeJson
{
    public static string Write(IEnumerable<ProductFieldChange> changes) =>
        JsonSerializer.Serialize(changes.ToDictionary(c => c.Field, c => new { before = c.Before, after = c.After }));
}
