using Reservations.Application.Common.Results;

namespace Reservations.Load.Sale.Gate;

/// <summary>
/// The status the API answers a gate error with. The API's mapping is <c>ErrorStatuses</c> in the WebApi, which this
/// tool does not reference; a unit test fails when the two disagree.
/// </summary>
public static class GateStatuses
{
    public static int Of(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => 400,
        ErrorKind.PaymentRequired => 402,
        ErrorKind.Forbidden => 403,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.Gone => 410,
        ErrorKind.Unprocessable => 422,
        ErrorKind.Throttled => 429,
        ErrorKind.Unavailable => 503,
        ErrorKind.UpstreamFailed => 502,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "An error kind with no status."),
    };
}
