using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Group commit at the gate: calls for one shard that arrive while that shard's script calls are in flight wait, and go
/// together in the next call, up to <see cref="MaxBatch"/>. There is no timer: an idle shard sends a call at once, so a
/// lone request waits for nobody. Each call gets its own reply; a batch that fails fails each of its calls alike, and
/// is never sent again (a call is never applied twice).
/// </summary>
internal sealed class ShardBatcher<TCall, TReply> : IAsyncDisposable
{
    public const int MaxBatch = 64;

    // Two calls in flight per shard: Redis finds the next batch waiting when it finishes one, and order still holds,
    // since both go over the same connection in the order they were taken.
    public const int MaxInFlight = 2;

    private readonly Func<int, IReadOnlyList<TCall>, Task<IReadOnlyList<TReply>>> _send;
    private readonly Lane[] _lanes;

    public ShardBatcher(int shards, Func<int, IReadOnlyList<TCall>, Task<IReadOnlyList<TReply>>> send)
    {
        _send = send;
        _lanes = [.. Enumerable.Range(0, shards).Select(_ => new Lane())];
    }

    public Task<TReply> SendAsync(int shard, TCall call)
    {
        var lane = _lanes[shard];
        var pending = new Pending(call);
        bool startDrain;
        lock (lane)
        {
            if (lane.Closed)
            {
                throw new RedisConnectionException(ConnectionFailureType.ConnectionDisposed, CommandFlags.None,
                    "The gate is shutting down.", innerException: null, CommandStatus.WaitingToBeSent);
            }

            lane.Queue.Enqueue(pending);
            startDrain = lane.Draining < MaxInFlight;
            if (startDrain)
            {
                lane.Draining++;
            }
        }

        if (startDrain)
        {
            _ = DrainAsync(shard, lane);
        }

        return pending.Reply.Task;
    }

    /// <summary>Takes no new calls; what is queued is still sent, and this returns once every call has its answer.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes)
        {
            lock (lane)
            {
                lane.Closed = true;
                if (lane.Draining == 0)
                {
                    lane.Idle.TrySetResult();
                }
            }
        }

        await Task.WhenAll(_lanes.Select(lane => lane.Idle.Task));
    }

    // Never throws: a failed batch is answered through its calls' tasks.
    private async Task DrainAsync(int shard, Lane lane)
    {
        while (true)
        {
            Pending[] batch;
            Task<IReadOnlyList<TReply>> sending;
            lock (lane)
            {
                if (lane.Queue.Count == 0)
                {
                    if (--lane.Draining == 0 && lane.Closed)
                    {
                        lane.Idle.TrySetResult();
                    }

                    return;
                }

                batch = new Pending[Math.Min(lane.Queue.Count, MaxBatch)];
                for (var i = 0; i < batch.Length; i++)
                {
                    batch[i] = lane.Queue.Dequeue();
                }

                // Started under the lock, so batches of a shard reach the connection in the order they were taken.
                sending = Send(shard, batch);
            }

            await AnswerAsync(batch, sending);
        }
    }

    private Task<IReadOnlyList<TReply>> Send(int shard, Pending[] batch)
    {
        try
        {
            return _send(shard, Array.ConvertAll(batch, p => p.Call));
        }
        catch (Exception e)
        {
            return Task.FromException<IReadOnlyList<TReply>>(e);
        }
    }

    private static async Task AnswerAsync(Pending[] batch, Task<IReadOnlyList<TReply>> sending)
    {
        try
        {
            var replies = await sending;
            if (replies.Count != batch.Length)
            {
                throw new InvalidOperationException($"A batch of {batch.Length} calls got {replies.Count} replies.");
            }

            for (var i = 0; i < batch.Length; i++)
            {
                batch[i].Reply.TrySetResult(replies[i]);
            }
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
            {
                pending.Reply.TrySetException(e);
            }
        }
    }

    private sealed class Pending(TCall call)
    {
        public TCall Call { get; } = call;

        // Answers continue on the thread pool, not inline on the loop that sends the shard's next batch.
        public TaskCompletionSource<TReply> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Lane
    {
        public Queue<Pending> Queue { get; } = new();

        public int Draining { get; set; }

        public bool Closed { get; set; }

        /// <summary>Set once the lane is closed and nothing of it is in flight.</summary>
        public TaskCompletionSource Idle { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
