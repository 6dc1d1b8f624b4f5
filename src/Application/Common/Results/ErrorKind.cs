namespace Reservations.Application.Common.Results;

/// <summary>What kind of failure an <see cref="Error"/> is; each host decides how to answer a kind.</summary>
public enum ErrorKind
{
    /// <summary>The request breaks a rule of its own fields, or cannot be authenticated as it is.</summary>
    Invalid,

    PaymentRequired,

    Forbidden,

    NotFound,

    Conflict,

    /// <summary>What the request names has ended and will not come back.</summary>
    Gone,

    /// <summary>The request contradicts an earlier one it claims to repeat.</summary>
    Unprocessable,

    /// <summary>The caller holds too much already: it may try again once it holds less.</summary>
    Throttled,

    Unavailable,

    /// <summary>A service we depend on refused the request: a fault of ours, not the caller's.</summary>
    UpstreamFailed,
}
