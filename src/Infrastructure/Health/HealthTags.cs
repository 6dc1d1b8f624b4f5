namespace Reservations.Infrastructure.Health;

public static class HealthTags
{
    /// <summary>Checks that must pass before the instance takes traffic (<c>/health/ready</c>).</summary>
    public const string Ready = "ready";
}
