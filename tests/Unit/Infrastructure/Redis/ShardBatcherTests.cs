using System.Collections.Concurrent;
using Reservations.Infrastructure.Redis;
using StackExchange.Redis;

namespace Reservations.UnitTests.Infrastructure.Redis;

public class ShardBatcherTests
{
    private readonly FakeRedis _redis = new();

    [Fact]
    public async Task Send_OnAnIdleShard_GoesAloneAtOnce()
    {
        var batcher = _redis.Batcher();

        var reply = batcher.SendAsync(0, 1);

        _redis.Sent.Should().Equal("1");
        _redis.AnswerNext();
        (await reply).Should().Be(-1);
    }

    [Fact]
    public async Task Send_WhileTheShardHasCallsInFlight_WaitsAndGoesWithTheOthersInArrivalOrder()
    {
        var batcher = _redis.Batcher();
        var first = batcher.SendAsync(0, 1);
        var second = batcher.SendAsync(0, 2);

        var queued = Enumerable.Range(3, 10).Select(call => batcher.SendAsync(0, call)).ToList();

        _redis.Sent.Should().Equal(["1", "2"], "no more than two calls of a shard are in flight");
        _redis.AnswerNext();
        await first;
        _redis.Sent.Should().Equal("1", "2", "3,4,5,6,7,8,9,10,11,12");
        _redis.AnswerAll();
        (await Task.WhenAll(queued)).Should().Equal(Enumerable.Range(3, 10).Select(call => -call));
        (await second).Should().Be(-2);
    }

    [Fact]
    public async Task Send_MoreThanABatchHolds_SplitsTheQueueIntoFullBatches()
    {
        const int Calls = ShardBatcher<int, int>.MaxBatch * 2 + 5;
        var batcher = _redis.Batcher();
        var inFlight = new[] { batcher.SendAsync(0, -1), batcher.SendAsync(0, -2) };
        var queued = Enumerable.Range(0, Calls).Select(call => batcher.SendAsync(0, call)).ToList();

        _redis.AnswerAll();
        await Task.WhenAll(queued.Concat(inFlight));

        _redis.Batches.Skip(2).Select(b => b.Count).Should().Equal(ShardBatcher<int, int>.MaxBatch, ShardBatcher<int, int>.MaxBatch, 5);
        _redis.Batches.Skip(2).SelectMany(b => b).Should().Equal(Enumerable.Range(0, Calls));
    }

    [Fact]
    public async Task Send_WhenItsBatchFails_FailsEveryCallOfThatBatchAlone()
    {
        var batcher = _redis.Batcher();
        var failing = batcher.SendAsync(0, 1);
        var other = batcher.SendAsync(0, 2);
        var queued = new[] { batcher.SendAsync(0, 3), batcher.SendAsync(0, 4) };

        _redis.FailNext(new RedisTimeoutException(CommandFlags.None, "timed out", CommandStatus.Sent));
        _redis.AnswerAll();

        await failing.Invoking(t => t).Should().ThrowAsync<RedisTimeoutException>();
        (await other).Should().Be(-2);
        (await Task.WhenAll(queued)).Should().Equal(-3, -4);
        _redis.Batches.SelectMany(b => b).Should().Equal([1, 2, 3, 4], "a failed batch is never sent again");
    }

    [Fact]
    public async Task Send_WhenTheSendThrowsAtOnce_FailsThatBatchAndKeepsTheShardGoing()
    {
        var batcher = _redis.Batcher();
        _redis.ThrowOnSend = true;

        await batcher.Invoking(b => b.SendAsync(0, 1)).Should().ThrowAsync<RedisConnectionException>();
        _redis.ThrowOnSend = false;
        var next = batcher.SendAsync(0, 2);
        _redis.AnswerAll();

        (await next).Should().Be(-2);
    }

    [Fact]
    public async Task Send_OnAnotherShard_IsNotHeldUpByABusyShard()
    {
        var batcher = _redis.Batcher();
        _ = batcher.SendAsync(0, 1);
        _ = batcher.SendAsync(0, 2);

        _ = batcher.SendAsync(1, 3);

        _redis.Sent.Should().Equal("1", "2", "3");
        _redis.AnswerAll();
    }

    [Fact]
    public async Task Dispose_SendsWhatIsQueuedAnswersEveryCall_ThenRefusesNewOnes()
    {
        var batcher = _redis.Batcher();
        var calls = Enumerable.Range(1, 6).Select(call => batcher.SendAsync(0, call)).ToList();

        var disposing = batcher.DisposeAsync().AsTask();
        disposing.IsCompleted.Should().BeFalse("calls are still in flight");
        _redis.AnswerAll();
        await disposing;

        (await Task.WhenAll(calls)).Should().Equal(-1, -2, -3, -4, -5, -6);
        await batcher.Invoking(b => b.SendAsync(0, 7)).Should().ThrowAsync<RedisConnectionException>();
    }

    /// <summary>Stands in for Redis: records each batch and answers (each call's negation) or fails it when told.</summary>
    private sealed class FakeRedis
    {
        private readonly ConcurrentQueue<(IReadOnlyList<int> Calls, TaskCompletionSource<IReadOnlyList<int>> Reply)> _inFlight = new();
        private readonly ConcurrentQueue<Exception> _failures = new();
        private readonly List<List<int>> _batches = [];

        public bool ThrowOnSend { get; set; }

        public IReadOnlyList<IReadOnlyList<int>> Batches
        {
            get
            {
                lock (_batches)
                {
                    return [.. _batches];
                }
            }
        }

        /// <summary>Each batch sent, as its calls joined by commas.</summary>
        public IReadOnlyList<string> Sent => [.. Batches.Select(b => string.Join(',', b))];

        public ShardBatcher<int, int> Batcher() => new(shards: 2, SendAsync);

        public void FailNext(Exception failure) => _failures.Enqueue(failure);

        public void AnswerNext()
        {
            _inFlight.TryDequeue(out var call).Should().BeTrue("a batch is in flight");
            if (_failures.TryDequeue(out var failure))
            {
                call.Reply.SetException(failure);
            }
            else
            {
                call.Reply.SetResult([.. call.Calls.Select(c => -c)]);
            }
        }

        /// <summary>Answers batches until none is in flight, including those sent in turn by the answers.</summary>
        public void AnswerAll()
        {
            while (!_inFlight.IsEmpty)
            {
                AnswerNext();
            }
        }

        private Task<IReadOnlyList<int>> SendAsync(int shard, IReadOnlyList<int> calls)
        {
            if (ThrowOnSend)
            {
                throw new RedisConnectionException(
                    ConnectionFailureType.UnableToConnect, CommandFlags.None, "down", innerException: null, CommandStatus.WaitingToBeSent);
            }

            lock (_batches)
            {
                _batches.Add([.. calls]);
            }

            var reply = new TaskCompletionSource<IReadOnlyList<int>>();
            _inFlight.Enqueue((calls, reply));
            return reply.Task;
        }
    }
}
