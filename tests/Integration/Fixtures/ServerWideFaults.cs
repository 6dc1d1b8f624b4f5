namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Tests that change the whole Redis server (its memory limit) run alone, after every parallel test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerWideFaults
{
    public const string Name = "server-wide faults";
}
