using System.Net;
using System.Net.Sockets;
using Reservations.Application.Webhooks;

namespace Reservations.Infrastructure.Webhooks;

internal sealed class DnsWebhookHostResolver : IWebhookHostResolver
{
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            return await Dns.GetHostAddressesAsync(host, cancellationToken);
        }
        catch (SocketException)
        {
            return [];
        }
    }
}
