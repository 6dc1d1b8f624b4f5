using System.Net;
using System.Net.Sockets;

namespace Reservations.WebApi.Protection;

/// <summary>The address the API counts a client by (rate limits, stream bounds).</summary>
internal static class ClientAddress
{
    // Behind a reverse proxy this is the proxy's address unless forwarded headers are configured for it.
    public static string Of(HttpContext context) => Of(context.Connection.RemoteIpAddress);

    /// <summary>
    /// An IPv6 client by its /64, the block one subscriber is given, so that it cannot take a share per address it
    /// owns; an IPv4 client seen through IPv6 as the IPv4 address it is.
    /// </summary>
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(8).Clear();
        return $"{new IPAddress(bytes)}/64";
    }
}
