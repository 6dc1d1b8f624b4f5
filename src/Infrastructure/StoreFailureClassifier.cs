using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Reservations.Application.Common.Ports;
using StackExchange.Redis;

namespace Reservations.Infrastructure;

public sealed class StoreFailureClassifier : IFailureClassifier
{
    private static readonly string[] PassingServerStates = ["LOADING", "BUSY", "TRYAGAIN", "MASTERDOWN", "READONLY", "CLUSTERDOWN", "OOM"];

    public bool IsTransient(Exception exception) => exception switch
    {
        // The server answered: only its passing states are worth a retry. Anything else (a key of the wrong type, a
        // script's error such as "ERR user_script:1: WRONGTYPE …") fails the same way every time.
        RedisServerException e => PassingServerStates.Any(state => e.Message.StartsWith(state, StringComparison.Ordinal)),
        RedisException or TimeoutException or RetryLimitExceededException => true,
        NpgsqlException e => e.IsTransient,
        DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };
}
