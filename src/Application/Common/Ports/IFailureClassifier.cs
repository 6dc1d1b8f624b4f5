namespace Reservations.Application.Common.Ports;

/// <summary>Tells failures of the stores that may pass by themselves (unreachable, restarting, busy, a timeout) from
/// those that will fail the same way however often they are tried.</summary>
public interface IFailureClassifier
{
    bool IsTransient(Exception exception);
}
