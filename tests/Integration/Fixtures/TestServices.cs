using Testcontainers.PostgreSql;
using Testcontainers.Redis;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// The PostgreSQL server and Redis every integration test runs against: taken from RESERVATIONS_TEST_POSTGRES and
/// RESERVATIONS_TEST_REDIS (build/test.sh sets them), else started with Testcontainers when a Docker engine answers.
/// </summary>
public static class TestServices
{
    private static readonly Lazy<Task<(string Postgres, string Redis)>> Servers = new(ResolveAsync);

    public static Task<(string Postgres, string Redis)> GetAsync() => Servers.Value;

    private static async Task<(string Postgres, string Redis)> ResolveAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("RESERVATIONS_TEST_POSTGRES");
        var redis = Environment.GetEnvironmentVariable("RESERVATIONS_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(redis))
        {
            return (postgres, redis);
        }

        try
        {
            var pg = new PostgreSqlBuilder("postgres:17-alpine").Build();
            var rd = new RedisBuilder("redis:7-alpine")
                .WithCommand("--appendonly", "yes", "--appendfsync", "always", "--notify-keyspace-events", "Ex")
                .Build();
            await Task.WhenAll(pg.StartAsync(), rd.StartAsync());
            return (pg.GetConnectionString(), rd.GetConnectionString());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidOperationException(
                "Integration tests need PostgreSQL and Redis. Run build/test.sh (it starts both), or set " +
                "RESERVATIONS_TEST_POSTGRES and RESERVATIONS_TEST_REDIS, or provide a Docker engine for Testcontainers. " +
                $"Testcontainers failed: {e.Message}", e);
        }
    }
}
