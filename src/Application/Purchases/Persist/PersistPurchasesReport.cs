namespace Reservations.Application.Purchases.Persist;

/// <summary>Read: entries taken from the queue. Deferred: left pending after a transient failure, retried later.</summary>
public sealed record PersistPurchasesReport(int Read, int Persisted, int AlreadyPersisted, int DeadLettered, int Deferred);
