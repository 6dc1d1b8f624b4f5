using Microsoft.Extensions.Options;
using Reservations.Application.Common.Results;
using Reservations.Application.Products.LiveAvailability;

namespace Reservations.WebApi.LiveAvailability;

/// <summary>
/// Bounds the open availability streams: <c>MaxStreamsPerClient</c> per client address (then 429) and
/// <c>MaxStreams</c> in the process (then 503). Disposing an admission gives its place back.
/// </summary>
public sealed class StreamAdmission(IOptions<LiveAvailabilityOptions> options)
{
    public static readonly Error TooManyForClient = new("too-many-streams", ErrorKind.Throttled);
    public static readonly Error Full = new("service-unavailable", ErrorKind.Unavailable);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _perClient = [];
    private int _open;

    public Result<IDisposable> TryAdmit(string client)
    {
        lock (_lock)
        {
            var clientStreams = _perClient.GetValueOrDefault(client);
            if (clientStreams >= options.Value.MaxStreamsPerClient)
            {
                return TooManyForClient;
            }

            if (_open >= options.Value.MaxStreams)
            {
                return Full;
            }

            _perClient[client] = clientStreams + 1;
            _open++;
        }

        return new Admission(this, client);
    }

    private void Leave(string client)
    {
        lock (_lock)
        {
            _open--;
            var left = _perClient[client] - 1;
            if (left == 0)
            {
                _perClient.Remove(client);
            }
            else
            {
                _perClient[client] = left;
            }
        }
    }

    private sealed class Admission(StreamAdmission admission, string client) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                admission.Leave(client);
            }
        }
    }
}
