namespace Reservations.Infrastructure;

public sealed class ConnectionStringsOptions
{
    public const string Section = "ConnectionStrings";

    public string Postgres { get; set; } = string.Empty;

    public string Redis { get; set; } = string.Empty;
}
