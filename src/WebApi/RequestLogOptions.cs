namespace Reservations.WebApi;

public sealed class RequestLogOptions
{
    public const string Section = "RequestLogging";

    /// <summary>A request answered after this long is logged as a warning, whatever its status.</summary>
    public TimeSpan SlowRequestThreshold { get; set; } = TimeSpan.FromMilliseconds(500);
}
