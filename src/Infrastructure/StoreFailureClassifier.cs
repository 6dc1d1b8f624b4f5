using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Reservations.Application.Common.Ports;
using StackExchange.Redis;

namespace Reservations.Infrastructure;

public sealed class StoreFailureClassifier : IFailureClassifier
{
    public bool IsTransient(Exception exception) => exception switch
    {
        // A key of the wrong type is corrupt data, not a passing state of the server.
        RedisServerException e when e.Message.StartsWith("WRONGTYPE", StringComparison.Ordinal) => false,
        RedisException or TimeoutException or RetryLimitExceededException => true,
        NpgsqlException e => e.IsTransient,
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };
}
