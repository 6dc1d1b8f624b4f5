using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;

namespace Reservations.Application.Products.LiveAvailability;

/// <summary>This process's streams, by product. Each tick brings the watched products' feeds up to date in one run and
/// hands every new entry to each stream without waiting for any of them.</summary>
public sealed class AvailabilityHub(IAvailabilityFeed feed, IServiceScopeFactory scopes)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, ProductWatch> _watched = [];

    public int? TotalStockOf(Guid productId)
    {
        lock (_lock)
        {
            return _watched.TryGetValue(productId, out var watch) ? watch.TotalStock : null;
        }
    }

    /// <summary>A stream of the product's entries from now on, starting with what the client has missed since
    /// <paramref name="lastEventId"/> when the feed still has all of it, else with the current figures.</summary>
    public async Task<AvailabilitySubscription> OpenAsync(Guid productId, int totalStock, string? lastEventId, CancellationToken cancellationToken)
    {
        // Subscribed first, so an entry written after the read below reaches the stream too (duplicates are skipped).
        var channel = Subscribe(productId, totalStock);
        try
        {
            FeedId? resumeAfter = FeedId.TryParse(lastEventId, out var id) ? id : null;
            var read = (await feed.RunAsync([new FeedRequest(productId, totalStock, resumeAfter)], cancellationToken))[0];
            var resumed = resumeAfter is { } after && read.CanResumeAfter(after);
            IReadOnlyList<AvailabilityEntry> first = resumed ? read.After : read.Latest is { } latest ? [latest] : [];
            return new AvailabilitySubscription(
                channel.Reader, first, resumed ? resumeAfter : null, () => Unsubscribe(productId, channel));
        }
        catch
        {
            Unsubscribe(productId, channel);
            throw;
        }
    }

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        var watched = Watched();
        if (watched.Length == 0)
        {
            return;
        }

        var reads = await feed.RunAsync(
            [.. watched.Select(w => new FeedRequest(w.Product, w.Watch.TotalStock, w.Watch.LastSeen))], cancellationToken);
        for (var i = 0; i < watched.Length; i++)
        {
            Publish(watched[i].Watch, reads[i]);
        }
    }

    private void Publish(ProductWatch watch, FeedRead read)
    {
        IReadOnlyList<AvailabilityEntry> fresh = watch.LastSeen is null ? read.Latest is { } latest ? [latest] : [] : read.After;
        if (fresh.Count == 0)
        {
            return;
        }

        watch.LastSeen = fresh[^1].Id;
        ChannelWriter<AvailabilityEntry>[] streams;
        lock (_lock)
        {
            streams = [.. watch.Streams.Select(c => c.Writer)];
        }

        foreach (var stream in streams)
        {
            foreach (var entry in fresh)
            {
                // A full channel drops its oldest entry: a slow client skips figures, it never holds up the others.
                stream.TryWrite(entry);
            }
        }
    }

    public async Task RefreshTotalsAsync(CancellationToken cancellationToken)
    {
        var watched = Watched();
        if (watched.Length == 0)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var totals = await scope.ServiceProvider.GetRequiredService<ICatalog>()
            .GetTotalStocksAsync([.. watched.Select(w => w.Product)], cancellationToken);
        foreach (var (product, watch) in watched)
        {
            if (totals.TryGetValue(product, out var total))
            {
                watch.TotalStock = total;
            }
        }
    }

    private (Guid Product, ProductWatch Watch)[] Watched()
    {
        lock (_lock)
        {
            return [.. _watched.Select(w => (w.Key, w.Value))];
        }
    }

    private Channel<AvailabilityEntry> Subscribe(Guid productId, int totalStock)
    {
        var channel = Channel.CreateBounded<AvailabilityEntry>(new BoundedChannelOptions(AvailabilitySubscription.Capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        });
        lock (_lock)
        {
            if (!_watched.TryGetValue(productId, out var watch))
            {
                watch = new ProductWatch(totalStock);
                _watched.Add(productId, watch);
            }

            watch.Streams.Add(channel);
        }

        return channel;
    }

    private void Unsubscribe(Guid productId, Channel<AvailabilityEntry> channel)
    {
        lock (_lock)
        {
            if (_watched.TryGetValue(productId, out var watch) && watch.Streams.Remove(channel) && watch.Streams.Count == 0)
            {
                _watched.Remove(productId);
            }
        }
    }

    private sealed class ProductWatch(int totalStock)
    {
        public List<Channel<AvailabilityEntry>> Streams { get; } = [];

        public int TotalStock
        {
            get => Volatile.Read(ref totalStock);
            set => Volatile.Write(ref totalStock, value);
        }

        /// <summary>The last entry handed to the streams; only the tick reads and writes it.</summary>
        public FeedId? LastSeen { get; set; }
    }
}
