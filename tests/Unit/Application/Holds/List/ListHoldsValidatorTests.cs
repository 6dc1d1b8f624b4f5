using Reservations.Application.Common.Paging;
using Reservations.Application.Holds.List;

namespace Reservations.UnitTests.Application.Holds.List;

public class ListHoldsValidatorTests
{
    private readonly ListHoldsValidator _validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("held")]
    [InlineData("purchased")]
    [InlineData("completed")]
    [InlineData("released")]
    [InlineData("expired")]
    public void Validate_AKnownStatusOrNone_IsValid(string? status) =>
        _validator.Validate(new ListHoldsQuery("alice", IsAdmin: false, Status: status)).IsValid.Should().BeTrue();

    [Theory]
    [InlineData("")]
    [InlineData("sold")]
    [InlineData("Held")]
    [InlineData("1")]
    [InlineData("held,expired")]
    public void Validate_AnUnknownStatus_FailsOnStatus(string status) =>
        _validator.Validate(new ListHoldsQuery("alice", IsAdmin: false, Status: status)).Errors
            .Should().ContainSingle().Which.PropertyName.Should().Be("status");

    [Theory]
    [InlineData(0, 20)]
    [InlineData(1, 0)]
    [InlineData(1, PageRequest.MaxPageSize + 1)]
    [InlineData(PageRequest.MaxPage + 1, 20)]
    public void Validate_PageOutOfBounds_IsInvalid(int page, int pageSize) =>
        _validator.Validate(new ListHoldsQuery("alice", IsAdmin: false, Page: page, PageSize: pageSize))
            .IsValid.Should().BeFalse();

    [Theory]
    [InlineData("")]
    [InlineData("bad\u0000id")]
    public void Validate_AMalformedCustomerId_FailsOnCustomerId(string customerId) =>
        _validator.Validate(new ListHoldsQuery("admin", IsAdmin: true, ForCustomerId: customerId)).Errors
            .Should().ContainSingle().Which.PropertyName.Should().Be("customerId");
}
