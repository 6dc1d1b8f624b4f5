namespace Reservations.WebApi.Protection;

/// <summary>The address the API counts a client by (rate limits, stream bounds).</summary>
internal static class ClientAddress
{
    // Behind a reverse proxy this is the proxy's address unless forwarded headers are configured for it.
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
