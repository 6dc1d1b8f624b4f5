namespace Reservations.WebApi;

/// <summary>Which requests get their line in the log (<see cref="RequestLogLevels"/>), under <c>RequestLogging:*</c>.</summary>
public sealed class RequestLogOptions
{
    public const string Section = "RequestLogging";

    /// <summary>A request answered after this long is logged as a warning, whatever its status.</summary>
    public TimeSpan SlowRequestThreshold { get; set; } = TimeSpan.FromMilliseconds(500);
}
