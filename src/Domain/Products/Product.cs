namespace Reservations.Domain.Products;

public sealed class Product
{
    public const int NameMaxLength = 200;
    public const int MaxStock = 100_000_000;
    public const int SaleIdMaxLength = 64;

    public static readonly DateTimeOffset EarliestSaleInstant = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LatestSaleInstant = new(3000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private Product()
    {
        Sku = string.Empty;
        Name = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Sku { get; private set; }
    public string Name { get; private set; }
    public decimal Price { get; private set; }
    public int TotalStock { get; private set; }
    public int Sold { get; private set; }
    public int? MaxPerCustomer { get; private set; }
    public int HoldSeconds { get; private set; }

    /// <summary>How long a hold may last in all, extensions included: its deadline never passes its creation plus this.</summary>
    public int MaxHoldSeconds { get; private set; }

    public DateTimeOffset? SalesOpenAt { get; private set; }

    public DateTimeOffset? SalesCloseAt { get; private set; }

    public bool Paused { get; private set; }

    /// <summary>The sale the product belongs to, set at its creation: the products of one sale may be held in one cart.</summary>
    public string? SaleId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Grows with each edit of the terms: the gate refuses terms older than its own, so a writer that read the
    /// product before an edit cannot put its terms back.</summary>
    public long TermsVersion { get; private set; }

    public int Unsold => TotalStock - Sold;

    public static bool IsValidName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name.Length <= NameMaxLength && !name.Contains('\0', StringComparison.Ordinal);

    public static bool IsValidStock(int stock) => stock is >= 0 and <= MaxStock;

    /// <summary>A sale id names a shard and is written into the gate's terms.</summary>
    public static bool IsValidSaleId(string? saleId) =>
        saleId is { Length: >= 1 and <= SaleIdMaxLength } && saleId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static bool IsValidLimit(int? maxPerCustomer) => maxPerCustomer is null or >= 1 and <= MaxStock;

    public static bool IsValidSalesWindow(DateTimeOffset? opensAt, DateTimeOffset? closesAt) =>
        IsValidSaleInstant(opensAt) && IsValidSaleInstant(closesAt) && ClosesAfterOpens(opensAt, closesAt);

    public static bool ClosesAfterOpens(DateTimeOffset? opensAt, DateTimeOffset? closesAt) =>
        opensAt is null || closesAt is null || ToMilliseconds(closesAt) > ToMilliseconds(opensAt);

    /// <summary>From 2000 to 2999: the gate keeps it as positive Unix milliseconds, and a far-away sentinel
    /// ("9999-12-31" for not scheduled yet) would be a typo rather than a date; pause the sale instead.</summary>
    public static bool IsValidSaleInstant(DateTimeOffset? instant) => instant is null || (instant >= EarliestSaleInstant && instant < LatestSaleInstant);

    /// <summary>The instant in whole milliseconds of UTC: the gate decides a sale's ends by Redis TIME in milliseconds.</summary>
    public static DateTimeOffset? ToMilliseconds(DateTimeOffset? instant) =>
        instant is { } t ? DateTimeOffset.FromUnixTimeMilliseconds(t.ToUnixTimeMilliseconds()) : null;

    public ProductTerms Terms => new(
        Name, Money.From(Price), MaxPerCustomer, HoldDuration.FromSeconds(HoldSeconds), MaxHoldSeconds, SalesOpenAt, SalesCloseAt, Paused);

    public static Product Create(
        Guid id, Sku sku, string name, Money price, int stock, int? maxPerCustomer, HoldDuration hold, DateTimeOffset now,
        int? maxHoldSeconds = null,
        SalesWindow window = default,
        string? saleId = null)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(id, Guid.Empty, nameof(id));
        ArgumentOutOfRangeException.ThrowIfNotEqual(saleId is null || IsValidSaleId(saleId), true, nameof(saleId));
        ArgumentOutOfRangeException.ThrowIfNotEqual(IsValidName(name), true, nameof(name));
        ArgumentOutOfRangeException.ThrowIfNotEqual(IsValidStock(stock), true, nameof(stock));
        ArgumentOutOfRangeException.ThrowIfNotEqual(IsValidLimit(maxPerCustomer), true, nameof(maxPerCustomer));
        var maxHold = maxHoldSeconds ?? HoldDuration.DefaultMaxSeconds(hold.Seconds);
        ArgumentOutOfRangeException.ThrowIfNotEqual(HoldDuration.IsValidMax(hold.Seconds, maxHold), true, nameof(maxHoldSeconds));
        ArgumentOutOfRangeException.ThrowIfNotEqual(IsValidSalesWindow(window.OpensAt, window.ClosesAt), true, nameof(window));
        return new Product
        {
            Id = id,
            Sku = sku.Value,
            Name = name,
            Price = price.Amount,
            TotalStock = stock,
            MaxPerCustomer = maxPerCustomer,
            HoldSeconds = hold.Seconds,
            MaxHoldSeconds = maxHold,
            SalesOpenAt = ToMilliseconds(window.OpensAt),
            SalesCloseAt = ToMilliseconds(window.ClosesAt),
            Paused = window.Paused,
            SaleId = saleId,
            CreatedAt = now,
            UpdatedAt = now,
            TermsVersion = 1,
        };
    }

    /// <summary>The fields that differ (none: <see cref="UpdatedAt"/> stays too). Holds already taken keep the terms
    /// they were taken under.</summary>
    public IReadOnlyList<ProductFieldChange> Edit(ProductTerms terms, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        terms = terms with { SalesOpenAt = ToMilliseconds(terms.SalesOpenAt), SalesCloseAt = ToMilliseconds(terms.SalesCloseAt) };
        ArgumentOutOfRangeException.ThrowIfNotEqual(IsValidName(terms.Name), true, nameof(terms));
        ArgumentOutOfRangeException.ThrowIfNotEqual(IsValidLimit(terms.MaxPerCustomer), true, nameof(terms));
        ArgumentOutOfRangeException.ThrowIfNotEqual(HoldDuration.IsValidMax(terms.Hold.Seconds, terms.MaxHoldSeconds), true, nameof(terms));
        ArgumentOutOfRangeException.ThrowIfNotEqual(IsValidSalesWindow(terms.SalesOpenAt, terms.SalesCloseAt), true, nameof(terms));
        var changes = Terms.ChangesTo(terms);
        if (changes.Count > 0)
        {
            (Name, Price, MaxPerCustomer, HoldSeconds, MaxHoldSeconds) =
                (terms.Name, terms.Price.Amount, terms.MaxPerCustomer, terms.Hold.Seconds, terms.MaxHoldSeconds);
            (SalesOpenAt, SalesCloseAt, Paused, UpdatedAt) = (terms.SalesOpenAt, terms.SalesCloseAt, terms.Paused, now);
            TermsVersion++;
        }

        return changes;
    }
}
