namespace Reservations.Load.Sale;

/// <summary>A hold the sale took, for a customer numbered 0..customers-1: one line, or a cart of several.</summary>
public sealed record SaleHold(Guid Id, int Customer, IReadOnlyList<SaleLine> Lines)
{
    /// <summary>Whether a record of the hold (as the API or the gate reads it back) carries exactly these lines.</summary>
    public bool IsRecordedAs(IEnumerable<SaleLine> recorded) =>
        recorded.OrderBy(l => l.ProductId).SequenceEqual(Lines.OrderBy(l => l.ProductId));
}
