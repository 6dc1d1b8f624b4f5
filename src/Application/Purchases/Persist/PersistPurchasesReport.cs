namespace Reservations.Application.Purchases.Persist;

/// <summary>Deferred: left pending by a failure that cut the batch short; read again first, once the caller has backed off.</summary>
public sealed record PersistPurchasesReport(int Read, int Persisted, int AlreadyPersisted, int DeadLettered, int Deferred);
