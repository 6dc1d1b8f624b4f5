using Reservations.IntegrationTests.Fixtures;
using Reservations.IntegrationTests.Gate;

namespace Reservations.IntegrationTests.Cluster;

/// <summary>The gate's event outbox (<see cref="GateEventOutbox"/>) on the local Redis Cluster.</summary>
public sealed class ClusterGateEventOutboxTests(ClusterApiFactory api) : GateEventOutbox(api), IClassFixture<ClusterApiFactory>;
