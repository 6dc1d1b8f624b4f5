namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// Tests that change a whole server (its memory limit, a crash, a failover) or whose timing needs the machine to
/// themselves (expiry deadlines, load) run one at a time, after every parallel test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
