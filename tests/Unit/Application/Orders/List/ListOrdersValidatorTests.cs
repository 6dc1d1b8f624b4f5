using FluentValidation.TestHelper;
using Reservations.Application.Common.Paging;
using Reservations.Application.Orders.List;

namespace Reservations.UnitTests.Application.Orders.List;

public class ListOrdersValidatorTests
{
    private readonly ListOrdersValidator _validator = new();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, PageRequest.MaxPageSize)]
    [InlineData(PageRequest.MaxPage, 20)]
    public void Validate_WhenPageAndSizeInRange_Passes(int page, int pageSize) =>
        _validator.TestValidate(new ListOrdersQuery("alice", page, pageSize)).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void Validate_WhenDefaults_Passes() => _validator.TestValidate(new ListOrdersQuery("alice")).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(PageRequest.MaxPage + 1)]
    public void Validate_WhenPageOutOfRange_FailsOnPageOnly(int page)
    {
        var result = _validator.TestValidate(new ListOrdersQuery("alice", page, 20));

        result.ShouldHaveValidationErrorFor(q => q.Page);
        result.ShouldNotHaveValidationErrorFor(q => q.PageSize);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(PageRequest.MaxPageSize + 1)]
    public void Validate_WhenPageSizeOutOfRange_FailsOnPageSizeOnly(int pageSize)
    {
        var result = _validator.TestValidate(new ListOrdersQuery("alice", 1, pageSize));

        result.ShouldHaveValidationErrorFor(q => q.PageSize);
        result.ShouldNotHaveValidationErrorFor(q => q.Page);
    }
}
