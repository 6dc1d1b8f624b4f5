using Reservations.IntegrationTests.Fixtures;
using Reservations.IntegrationTests.Gate;

namespace Reservations.IntegrationTests.Cluster;

/// <summary>The gate's webhook events (<see cref="GateEventScripts"/>) on the local Redis Cluster.</summary>
public sealed class ClusterGateEventScriptTests(ClusterApiFactory api) : GateEventScripts(api), IClassFixture<ClusterApiFactory>;
