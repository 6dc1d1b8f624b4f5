namespace Reservations.Application.Purchases.Persist;

public enum PersistOutcome
{
    /// <summary>The order was inserted and the product's sold count raised, in one transaction.</summary>
    Persisted,

    /// <summary>The order was already there (a redelivery): nothing changed.</summary>
    AlreadyPersisted,
}
