namespace Reservations.Load.Sale;

/// <summary>The API's answers the simulator acts on. The gate mode answers with the status the API would give.</summary>
public static class SaleStatus
{
    public const int Reserved = 201;
    public const int Purchased = 200;
    public const int Released = 204;

    /// <summary>A request that got no answer at all (connection refused or cut, timeout): a failure of the run.</summary>
    public const int NoAnswer = 0;

    public static bool IsFailure(int status) => status is NoAnswer or >= 500;
}
