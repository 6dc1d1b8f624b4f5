using System.Net;
using System.Net.Sockets;

namespace Reservations.Application.Webhooks;

/// <summary>Public addresses only, unless local targets are allowed. Checked at registration and on every connection,
/// so a name that later resolves elsewhere (DNS rebinding) is refused too.</summary>
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

        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // Link-local fe80::/10, site-local fec0::/10 and unique-local fc00::/7; then the forms that carry an IPv4
            // address a router or the host may reach (NAT64, 6to4, IPv4-compatible and -translated), judged by that
            // address; Teredo (2001::/32) and local-use NAT64 (64:ff9b:1::/48) hide theirs, and are refused.
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0)
                || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4] == 0 && b[5] == 1)
                || (EmbeddedIPv4(b) is { } embedded && IsLocal(embedded));
        }

        return b[0] == 0 || b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 240
            || (b[0] == 192 && b[1] == 0 && b[2] == 0) || (b[0] == 198 && b[1] is 18 or 19);
    }

    private static IPAddress? EmbeddedIPv4(byte[] b)
    {
        bool Zero(int from, int to) => b.AsSpan(from, to - from).IndexOfAnyExcept((byte)0) < 0;

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return new IPAddress(b.AsSpan(2, 4));
        }

        var nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && Zero(4, 12);
        var compatible = Zero(0, 12);
        var translated = Zero(0, 8) && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0;
        return nat64 || compatible || translated ? new IPAddress(b.AsSpan(12, 4)) : null;
    }

    private static bool IsMulticast(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? address.IsIPv6Multicast : address.GetAddressBytes()[0] is >= 224 and <= 239;
}
