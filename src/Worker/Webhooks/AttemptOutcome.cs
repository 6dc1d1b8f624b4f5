namespace Reservations.Worker.Webhooks;

/// <summary>What one attempt got: the status code when the endpoint answered, or the error when it did not.</summary>
internal sealed record AttemptOutcome(int? StatusCode, string? Error)
{
    public bool Delivered => StatusCode is >= 200 and <= 299;
}
