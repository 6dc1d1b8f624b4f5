using System.Net;
using System.Net.Sockets;

namespace Reservations.Application.Webhooks;

/// <summary>
/// Where webhooks may be sent: public addresses only, unless local targets are allowed (Development). Checked when an
/// endpoint is registered and again on every connection, so a name that later resolves elsewhere (DNS rebinding) is
/// refused too.
/// </summary>
public static class WebhookTargets
{
    public static bool IsAllowedScheme(Uri url, bool allowLocalTargets) =>
        url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && allowLocalTargets && url.IsLoopback);

    public static bool IsAllowedAddress(IPAddress address, bool allowLocalTargets)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || IsMulticast(address))
        {
            return false;
        }

        return allowLocalTargets || !IsLocal(address);
    }

    private static bool IsLocal(IPAddress address)
    {
        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // Link-local fe80::/10, site-local fec0::/10 and unique-local fc00::/7.
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] == 0 || b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 240;
    }

    private static bool IsMulticast(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? address.IsIPv6Multicast : address.GetAddressBytes()[0] is >= 224 and <= 239;
}
