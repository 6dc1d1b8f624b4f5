using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Products;

namespace Reservations.Application.Products.Edit;

/// <summary>PostgreSQL first: lock the row, apply the patch to the product as it is then and record the change, in one
/// transaction. Then the gate gets the committed terms, read again so that of two concurrent edits it ends with the
/// last. Should Redis fail after the commit, the answer says so and the Worker's terms refresh writes them.</summary>
public sealed class EditProductHandler(ICatalog catalog, IStockGate gate, IFailureClassifier failures, TimeProvider clock)
    : ICommandHandler<EditProductCommand, Result<ProductResponse>>
{
    public async ValueTask<Result<ProductResponse>> Handle(EditProductCommand command, CancellationToken cancellationToken)
    {
        var edited = await catalog.EditAsync(command.ProductId, product => Apply(product, command), cancellationToken);
        if (!edited.IsSuccess)
        {
            return edited.Error!;
        }

        var product = await catalog.FindAsync(command.ProductId, cancellationToken) ?? edited.Value;
        try
        {
            await gate.WriteTermsAsync(product.ToInventoryItem(product.Unsold), cancellationToken);
            var available = await gate.GetAvailableAsync([product.Id], cancellationToken);
            return product.ToResponse(available.GetValueOrDefault(product.Id));
        }
        catch (Exception e) when (failures.IsTransient(e))
        {
            return ProductErrors.ChangePending;
        }
    }

    private Result<ProductChange?> Apply(Product product, EditProductCommand command)
    {
        var terms = command.Patch.ApplyTo(product.Terms);
        var problems = new Dictionary<string, string[]>();
        if (!HoldDuration.IsValidMax(terms.Hold.Seconds, terms.MaxHoldSeconds))
        {
            problems["maxHoldSeconds"] = problems["holdSeconds"] =
            [
                $"Max hold seconds ({terms.MaxHoldSeconds}) must be at least hold seconds ({terms.Hold.Seconds}): " +
                "raising holdSeconds above the product's maxHoldSeconds needs a new maxHoldSeconds in the same patch.",
            ];
        }

        if (!Product.IsValidSalesWindow(terms.SalesOpenAt, terms.SalesCloseAt))
        {
            problems["salesCloseAt"] = problems["salesOpenAt"] =
                [$"Sales close at ({terms.SalesCloseAt:O}) must be after sales open at ({terms.SalesOpenAt:O})."];
        }

        if (problems.Count > 0)
        {
            return ProductErrors.InvalidTerms(problems);
        }

        var now = clock.GetUtcNow();
        var changes = product.Edit(terms, now);
        return changes.Count == 0
            ? Result<ProductChange?>.Success(null)
            : new ProductChange(product.Id, command.Actor, command.Reason, now, ProductChangeJson.Write(changes));
    }
}
