namespace Reservations.Load.Availability;

/// <summary>
/// One block of a text/event-stream (the lines up to a blank line): an event, a <c>retry:</c> hint, or a comment.
/// </summary>
public sealed record EventStreamFrame(string? Id, string? Event, string? Data, string? Comment, int? RetryMs)
{
    public bool IsEvent => Data is not null;
}
