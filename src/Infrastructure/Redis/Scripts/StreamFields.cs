namespace Reservations.Infrastructure.Redis.Scripts;

/// <summary>Field names of the entries the scripts append to a shard's streams, as lib.lua's FIELD table names them.</summary>
internal static class StreamFields
{
    /// <summary>The hold's 14-byte id.</summary>
    public const string Hold = "hold";

    /// <summary>A line's product (16 bytes), repeated once per line in a cart's purchase entry, as are quantity and price.</summary>
    public const string Product = "product";

    public const string Quantity = "quantity";
    public const string Price = "price";
    public const string Customer = "customer";

    /// <summary>Redis's time of the change, in Unix ms.</summary>
    public const string At = "at";

    public const string Created = "created";
    public const string Deadline = "deadline";

    public const string TraceParent = "traceparent";

    public const string Reason = "reason";

    public const string Type = "type";

    /// <summary>An event's hold, packed as <see cref="HoldCodec"/> reads it.</summary>
    public const string Value = "value";

    /// <summary>A dead-lettered order's purchase time.</summary>
    public const string Purchased = "purchased";
}
