namespace Reservations.WebApi.Auth;

public static class Policies
{
    public const string Admin = "admin";
    public const string Customer = "customer";
    public const string RoleClaim = "role";
    public const string SubjectClaim = "sub";
}
