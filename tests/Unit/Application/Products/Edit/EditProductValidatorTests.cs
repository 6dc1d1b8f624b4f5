using FluentValidation.TestHelper;
using Reservations.Application.Products.Edit;

namespace Reservations.UnitTests.Application.Products.Edit;

public class EditProductValidatorTests
{
    private readonly EditProductValidator _validator = new();

    public static TheoryData<ProductPatch, string> InvalidPatches => new()
    {
        { new ProductPatch { Name = PatchValue<string?>.Of(null) }, "name" },
        { new ProductPatch { Name = PatchValue<string?>.Of("  ") }, "name" },
        { new ProductPatch { Price = PatchValue<decimal?>.Of(null) }, "price" },
        { new ProductPatch { Price = PatchValue<decimal?>.Of(1.001m) }, "price" },
        { new ProductPatch { MaxPerCustomer = PatchValue<int?>.Of(0) }, "maxPerCustomer" },
        { new ProductPatch { HoldSeconds = PatchValue<int?>.Of(null) }, "holdSeconds" },
        { new ProductPatch { HoldSeconds = PatchValue<int?>.Of(86_401) }, "holdSeconds" },
        { new ProductPatch { MaxHoldSeconds = PatchValue<int?>.Of(0) }, "maxHoldSeconds" },
        { new ProductPatch { Paused = PatchValue<bool?>.Of(null) }, "paused" },
    };

    [Fact]
    public void Validate_WhenEveryFieldIsAbsent_Passes() =>
        _validator.TestValidate(Command(new ProductPatch())).ShouldNotHaveAnyValidationErrors();

    [Fact]
    public void Validate_WhenNullablesAreCleared_Passes() =>
        _validator.TestValidate(Command(new ProductPatch
        {
            MaxPerCustomer = PatchValue<int?>.Of(null),
            SalesOpenAt = PatchValue<DateTimeOffset?>.Of(null),
            SalesCloseAt = PatchValue<DateTimeOffset?>.Of(null),
        })).ShouldNotHaveAnyValidationErrors();

    [Theory]
    [MemberData(nameof(InvalidPatches))]
    public void Validate_WhenAFieldIsInvalidOrNullWhereNoneIsAllowed_FailsOnThatFieldOnly(ProductPatch patch, string field)
    {
        var result = _validator.TestValidate(Command(patch));

        result.Errors.Select(e => e.PropertyName).Should().Equal(field);
    }

    [Fact]
    public void Validate_WhenReasonHasAControlCharacter_Fails() =>
        _validator.TestValidate(Command(new ProductPatch(), "a\nb")).ShouldHaveValidationErrorFor(c => c.Reason);

    private static EditProductCommand Command(ProductPatch patch, string? reason = null) => new(Guid.CreateVersion7(), "admin", patch, reason);
}
