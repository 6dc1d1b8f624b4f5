namespace Reservations.Infrastructure;

/// <summary>The stores' connection strings (<c>ConnectionStrings:Postgres</c>, <c>ConnectionStrings:Redis</c>).</summary>
public sealed class ConnectionStringsOptions
{
    public const string Section = "ConnectionStrings";

    public string Postgres { get; set; } = string.Empty;

    public string Redis { get; set; } = string.Empty;
}
