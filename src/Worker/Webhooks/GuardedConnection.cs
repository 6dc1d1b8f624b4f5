using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Reservations.Application.Webhooks;

namespace Reservations.Worker.Webhooks;

/// <summary>
/// Connects only to addresses webhooks may reach, checked on the addresses the name resolves to now, at connect time,
/// with the resolver registration uses: an endpoint registered with a public name that later resolves to a private one
/// (DNS rebinding) is refused, and the socket connects to exactly the addresses checked.
/// </summary>
internal static class GuardedConnection
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> For(
        IWebhookHostResolver resolver, bool allowLocalTargets) =>
        async (context, cancellationToken) =>
        {
            var addresses = await AllowedAddressesAsync(resolver, context.DnsEndPoint.Host, allowLocalTargets, cancellationToken);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    /// <summary>Every address of the host, when webhooks may reach them all; else the connection is refused.</summary>
    public static async Task<IPAddress[]> AllowedAddressesAsync(
        IWebhookHostResolver resolver, string host, bool allowLocalTargets, CancellationToken cancellationToken)
    {
        IReadOnlyList<IPAddress> addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken);
        if (addresses.Count == 0 || !addresses.All(a => WebhookTargets.IsAllowedAddress(a, allowLocalTargets)))
        {
            throw new HttpRequestException($"Refused to connect to {host}: it resolves to an address webhooks may not reach.");
        }

        return [.. addresses];
    }
}
