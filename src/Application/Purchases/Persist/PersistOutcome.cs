namespace Reservations.Application.Purchases.Persist;

public enum PersistOutcome
{
    Persisted,

    /// <summary>The purchase was already there (a redelivery): nothing changed.</summary>
    AlreadyPersisted,
}
