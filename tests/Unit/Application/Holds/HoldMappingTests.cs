using Reservations.Application.Holds;
using Reservations.Domain.Holds;

namespace Reservations.UnitTests.Application.Holds;

public class HoldMappingTests
{
    [Theory]
    [InlineData(HoldStatus.Held)]
    [InlineData(HoldStatus.Purchased)]
    [InlineData(HoldStatus.Expired)]
    public void ToResponse_WhenAnyStatus_CopiesEveryFieldWithPlainCustomerAndQuantity(HoldStatus status)
    {
        var hold = TestHolds.Create("auth0|alice", status, quantity: 7);

        var response = hold.ToResponse();

        response.Should().Be(hold.ExpectedResponse());
        response.CustomerId.Should().Be("auth0|alice");
        response.Quantity.Should().Be(7);
    }
}
