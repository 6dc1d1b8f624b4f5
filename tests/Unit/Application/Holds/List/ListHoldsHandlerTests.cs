using NSubstitute;
using Reservations.Application.Holds;
using Reservations.Application.Holds.List;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.UnitTests.Application.Holds.List;

public class ListHoldsHandlerTests
{
    private readonly IHoldReadStore _holds = Substitute.For<IHoldReadStore>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly ListHoldsHandler _handler;

    public ListHoldsHandlerTests() => _handler = new ListHoldsHandler(_holds);

    [Fact]
    public async Task Handle_ForPageTwo_AsksForTheNewestThroughThatPageAndAnswersItsSlice()
    {
        Hold[] newest = [.. Enumerable.Range(0, 5).Select(_ => TestHolds.Create("alice"))];
        _holds.ListAsync(CustomerId.From("alice"), null, 4, _ct).Returns(new CustomerHolds(newest[..4], 5));

        var result = await _handler.Handle(new ListHoldsQuery("alice", IsAdmin: false, Page: 2, PageSize: 2), _ct);

        result.Value.Items.Should().Equal(newest[2].ExpectedResponse(), newest[3].ExpectedResponse());
        result.Value.Should().BeEquivalentTo(new { Page = 2, PageSize = 2, Total = 5 });
    }

    [Fact]
    public async Task Handle_WithAStatusName_AsksForThatStatusOnly()
    {
        _holds.ListAsync(CustomerId.From("alice"), HoldStatus.Released, 20, _ct).Returns(new CustomerHolds([], 0));

        var result = await _handler.Handle(new ListHoldsQuery("alice", IsAdmin: false, Status: "released"), _ct);

        result.Value.Total.Should().Be(0);
        await _holds.Received(1).ListAsync(CustomerId.From("alice"), HoldStatus.Released, 20, _ct);
    }

    [Fact]
    public async Task Handle_WhenACustomerNamesAnotherCustomer_IsForbiddenAndReadsNothing()
    {
        var result = await _handler.Handle(new ListHoldsQuery("alice", IsAdmin: false, ForCustomerId: "bob"), _ct);

        result.Error.Should().BeSameAs(HoldErrors.CustomerIdAdminOnly);
        await _holds.DidNotReceiveWithAnyArgs().ListAsync(default, default, default, _ct);
    }

    [Fact]
    public async Task Handle_WhenAnAdminNamesACustomer_ListsThatCustomersHolds()
    {
        var bobs = TestHolds.Create("bob");
        _holds.ListAsync(CustomerId.From("bob"), null, 20, _ct).Returns(new CustomerHolds([bobs], 1));

        var result = await _handler.Handle(new ListHoldsQuery("admin-1", IsAdmin: true, ForCustomerId: "bob"), _ct);

        result.Value.Items.Should().Equal(bobs.ExpectedResponse());
    }
}
