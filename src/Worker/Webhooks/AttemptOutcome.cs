namespace Reservations.Worker.Webhooks;

internal sealed record AttemptOutcome(int? StatusCode, string? Error)
{
    public bool Delivered => StatusCode is >= 200 and <= 299;
}
