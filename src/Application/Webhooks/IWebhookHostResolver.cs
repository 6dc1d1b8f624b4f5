using System.Net;

namespace Reservations.Application.Webhooks;

/// <summary>Resolves an endpoint's host name (DNS), to check where it points before it is registered.</summary>
public interface IWebhookHostResolver
{
    /// <summary>The host's addresses; empty when it does not resolve.</summary>
    Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken);
}
