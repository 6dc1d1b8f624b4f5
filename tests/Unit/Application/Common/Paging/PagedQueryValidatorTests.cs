using FluentValidation.TestHelper;
using Reservations.Application.Common.Paging;
using Reservations.Application.Products.Adjustments;
using Reservations.Application.Products.List;
using Reservations.Application.Purchases.List;

namespace Reservations.UnitTests.Application.Common.Paging;

/// <summary>The paging rules, once; and every list query validated by them.</summary>
public class PagedQueryValidatorTests
{
    private readonly Validator _validator = new();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, PageRequest.MaxPageSize)]
    [InlineData(PageRequest.MaxPage, PageRequest.DefaultPageSize)]
    [InlineData(PageRequest.DefaultPage, PageRequest.DefaultPageSize)]
    public void Validate_WhenPageAndSizeInRange_Passes(int page, int pageSize) =>
        _validator.TestValidate(new Query(page, pageSize)).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(PageRequest.MaxPage + 1)]
    public void Validate_WhenPageOutOfRange_FailsOnPageOnly(int page)
    {
        var result = _validator.TestValidate(new Query(page, 20));

        result.ShouldHaveValidationErrorFor(q => q.Page);
        result.ShouldNotHaveValidationErrorFor(q => q.PageSize);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(PageRequest.MaxPageSize + 1)]
    public void Validate_WhenPageSizeOutOfRange_FailsOnPageSizeOnly(int pageSize)
    {
        var result = _validator.TestValidate(new Query(1, pageSize));

        result.ShouldHaveValidationErrorFor(q => q.PageSize);
        result.ShouldNotHaveValidationErrorFor(q => q.Page);
    }

    [Fact]
    public void EveryListQuery_IsValidatedByThePagingRules()
    {
        new ListPurchasesValidator().TestValidate(new ListPurchasesQuery("alice", 0, 101)).Errors.Should().HaveCount(2);
        new ListProductsValidator().TestValidate(new ListProductsQuery(0, 101)).Errors.Should().HaveCount(2);
        new ListStockAdjustmentsValidator().TestValidate(new ListStockAdjustmentsQuery(Guid.CreateVersion7(), 0, 101)).Errors.Should().HaveCount(2);
    }

    public sealed record Query(int Page, int PageSize) : IPagedQuery;

    private sealed class Validator : PagedQueryValidator<Query>;
}
