using System.Globalization;

namespace Reservations.Application.Products.LiveAvailability;

/// <summary>The id of an entry of a product's availability feed, as Redis streams name entries: <c>milliseconds-sequence</c>,
/// growing per product. It is the SSE event id, so a client's <c>Last-Event-ID</c> parses back into one.</summary>
public readonly record struct FeedId(long Milliseconds, long Sequence) : IComparable<FeedId>
{
    public static bool TryParse(string? text, out FeedId id)
    {
        id = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0
            || !long.TryParse(text.AsSpan(..dash), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || !long.TryParse(text.AsSpan((dash + 1)..), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        id = new FeedId(milliseconds, sequence);
        return true;
    }

    public static FeedId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a feed entry id.");

    public int CompareTo(FeedId other) => Milliseconds != other.Milliseconds
        ? Milliseconds.CompareTo(other.Milliseconds)
        : Sequence.CompareTo(other.Sequence);

    public static bool operator <(FeedId left, FeedId right) => left.CompareTo(right) < 0;

    public static bool operator >(FeedId left, FeedId right) => left.CompareTo(right) > 0;

    public static bool operator <=(FeedId left, FeedId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FeedId left, FeedId right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}
