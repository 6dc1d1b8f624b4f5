namespace Reservations.Application.Common.Paging;

public static class PageRequest
{
    public const int DefaultPage = 1;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Far beyond any real listing; keeps (page − 1) × pageSize within an int.</summary>
    public const int MaxPage = 1_000_000;
}
