using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Reservations.Application.Webhooks;

namespace Reservations.Worker.Webhooks;

/// <summary>
/// Connects only to addresses webhooks may reach, checked on the addresses the name resolves to now, at connect time:
/// an endpoint registered with a public name that later resolves to a private one (DNS rebinding) is refused.
/// </summary>
internal static class GuardedConnection
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> For(bool allowLocalTargets) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
            if (addresses.Length == 0 || !addresses.All(a => WebhookTargets.IsAllowedAddress(a, allowLocalTargets)))
            {
                throw new HttpRequestException($"Refused to connect to {host}: it resolves to an address webhooks may not reach.");
            }

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
}
