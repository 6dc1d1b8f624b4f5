using Reservations.Load.Sale;

namespace Reservations.UnitTests.Load;

public class SaleHoldTests
{
    private static readonly Guid A = Guid.CreateVersion7();
    private static readonly Guid B = Guid.CreateVersion7();

    private static readonly SaleHold Cart = new(Guid.CreateVersion7(), 3, [new SaleLine(A, 1), new SaleLine(B, 2)]);

    [Fact]
    public void IsRecordedAs_EveryLineInAnyOrder_IsTrue() =>
        Cart.IsRecordedAs([new SaleLine(B, 2), new SaleLine(A, 1)]).Should().BeTrue();

    public static TheoryData<string, SaleLine[]> NotWhole => new()
    {
        { "a line missing", [new SaleLine(A, 1)] },
        { "another quantity", [new SaleLine(A, 1), new SaleLine(B, 1)] },
        { "a line more", [new SaleLine(A, 1), new SaleLine(B, 2), new SaleLine(Guid.CreateVersion7(), 1)] },
        { "nothing", [] },
    };

    [Theory]
    [MemberData(nameof(NotWhole))]
    public void IsRecordedAs_OtherLines_IsFalse(string recorded, SaleLine[] lines) =>
        Cart.IsRecordedAs(lines).Should().BeFalse(recorded);
}
