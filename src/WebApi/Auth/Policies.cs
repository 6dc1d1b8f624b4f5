namespace Reservations.WebApi.Auth;

public static class Policies
{
    public const string Admin = "admin";
    public const string Customer = "customer";

    /// <summary>A payment service of the shop's own: may buy any customer's hold on the purchase route.</summary>
    public const string Payments = "payments";
    public const string RoleClaim = "role";
    public const string SubjectClaim = "sub";
}
