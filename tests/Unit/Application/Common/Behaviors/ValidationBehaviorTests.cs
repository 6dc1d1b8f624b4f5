using FluentValidation;
using Microsoft.Extensions.Options;
using Reservations.Application.Common;
using Reservations.Application.Common.Behaviors;
using Reservations.Application.Common.Results;
using Reservations.Application.Products;
using Reservations.Application.Products.Create;

namespace Reservations.UnitTests.Application.Common.Behaviors;

public class ValidationBehaviorTests
{
    private static readonly CreateProductCommand Valid = new("TICKET-1", "Concert ticket", 49.90m, 250);

    private readonly Result<ProductResponse> _response =
        new ProductResponse(Guid.CreateVersion7(), "TICKET-1", "Concert ticket", 49.90m, 250, 250, null, 600, 1800, null, null, false, null);

    private int _nextCalls;

    [Fact]
    public async Task Handle_WhenValidatorFails_ThrowsValidationExceptionWithErrors()
    {
        var behavior = Behavior(new CreateProductValidator(Options.Create(new ReservationsOptions())));

        var act = async () => await behavior.Handle(Valid with { Sku = "" }, Next, TestContext.Current.CancellationToken);

        var thrown = await act.Should().ThrowAsync<ValidationException>();
        thrown.Which.Errors.Should().ContainSingle().Which.PropertyName.Should().Be(nameof(CreateProductCommand.Sku));
    }

    [Fact]
    public async Task Handle_WhenValidatorFails_DoesNotCallNext()
    {
        var behavior = Behavior(new CreateProductValidator(Options.Create(new ReservationsOptions())));

        var act = async () => await behavior.Handle(Valid with { Stock = -1 }, Next, TestContext.Current.CancellationToken);

        await act.Should().ThrowAsync<ValidationException>();
        _nextCalls.Should().Be(0);
    }

    [Fact]
    public async Task Handle_WhenALaterValidatorFails_ThrowsAndDoesNotCallNext()
    {
        var rejectsAll = new InlineValidator<CreateProductCommand> { v => v.RuleFor(c => c.Name).Must(_ => false) };
        var behavior = Behavior(new CreateProductValidator(Options.Create(new ReservationsOptions())), rejectsAll);

        var act = async () => await behavior.Handle(Valid, Next, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<ValidationException>()).Which.Errors.Should()
            .ContainSingle().Which.PropertyName.Should().Be(nameof(CreateProductCommand.Name));
        _nextCalls.Should().Be(0);
    }

    [Fact]
    public async Task Handle_WhenValidatorsPass_CallsNextOnceAndReturnsItsResponse()
    {
        var behavior = Behavior(new CreateProductValidator(Options.Create(new ReservationsOptions())), new InlineValidator<CreateProductCommand>());

        var response = await behavior.Handle(Valid, Next, TestContext.Current.CancellationToken);

        response.Should().BeSameAs(_response);
        _nextCalls.Should().Be(1);
    }

    [Fact]
    public async Task Handle_WhenNoValidators_CallsNextOnceAndReturnsItsResponse()
    {
        var behavior = Behavior();

        var response = await behavior.Handle(Valid with { Sku = "" }, Next, TestContext.Current.CancellationToken);

        response.Should().BeSameAs(_response);
        _nextCalls.Should().Be(1);
    }

    private static ValidationBehavior<CreateProductCommand, Result<ProductResponse>> Behavior(
        params IValidator<CreateProductCommand>[] validators) => new(validators);

    private ValueTask<Result<ProductResponse>> Next(CreateProductCommand message, CancellationToken cancellationToken)
    {
        _nextCalls++;
        return ValueTask.FromResult(_response);
    }
}
