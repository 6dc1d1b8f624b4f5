namespace Reservations.Application.Purchases.Persist;

public enum PersistOutcome
{
    /// <summary>The purchase was inserted and the product's sold count raised, in one transaction.</summary>
    Persisted,

    /// <summary>The purchase was already there (a redelivery): nothing changed.</summary>
    AlreadyPersisted,
}
