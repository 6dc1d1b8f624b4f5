namespace Reservations.Application.Purchases.Persist;

/// <summary>Deferred: left pending because a failure cut the batch short; they are read again first, once the caller
/// has backed off.</summary>
public sealed record PersistPurchasesReport(int Read, int Persisted, int AlreadyPersisted, int DeadLettered, int Deferred);
