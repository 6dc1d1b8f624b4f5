using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Reservations.Infrastructure;
using StackExchange.Redis;

namespace Reservations.UnitTests.Infrastructure;

public class StoreFailureClassifierTests
{
    private readonly StoreFailureClassifier _classifier = new();

    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "Redis unreachable", new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "down", null!, CommandStatus.Unknown), true },
        { "Redis timeout", new RedisTimeoutException(CommandFlags.None, "slow", CommandStatus.Sent), true },
        { "Redis out of memory", new RedisServerException(RedisErrorKind.OutOfMemory, CommandFlags.None, "OOM command not allowed when used memory > 'maxmemory'."), true },
        { "Redis key of the wrong type", new RedisServerException(RedisErrorKind.WrongType, CommandFlags.None, "WRONGTYPE Operation against a key holding the wrong kind of value"), false },
        { "a script's own error", new RedisServerException(RedisErrorKind.UnknownError, CommandFlags.None, "ERR user_script:1: WRONGTYPE rsv:{s1}:tally"), false },
        { "Redis loading its data", new RedisServerException(RedisErrorKind.Loading, CommandFlags.None, "LOADING Redis is loading the dataset in memory"), true },
        { "PostgreSQL unreachable", new NpgsqlException("connection refused", new System.Net.Sockets.SocketException()), true },
        { "PostgreSQL retries exhausted", new RetryLimitExceededException("gave up", new TimeoutException()), true },
        { "a timeout", new TimeoutException(), true },
        { "an update that failed on a dropped connection", new DbUpdateException("failed", new TimeoutException()), true },
        { "an update PostgreSQL refused", new DbUpdateException("failed", new InvalidOperationException()), false },
        { "a bug", new InvalidCastException(), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void IsTransient_TellsFailuresThatMayPassFromThoseThatWillNot(string failure, Exception exception, bool transient) =>
        _classifier.IsTransient(exception).Should().Be(transient, failure);
}
