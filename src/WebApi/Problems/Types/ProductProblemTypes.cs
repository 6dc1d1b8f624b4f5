namespace Reservations.WebApi.Problems.Types;

internal static class ProductProblemTypes
{
    public static ProblemType[] All { get; } =
    [
        new("duplicate-sku", 409,
            "Another product already has this SKU; SKUs are unique. (A retry of a create that stored the product but failed "
            + "before Redis had it is answered 201 with that product instead.)",
            "Choose another SKU, or find the existing product in `GET /api/products` and edit it."),
        new("change-pending", 503,
            "The product edit is committed in PostgreSQL and recorded, but the gate in Redis did not take the new terms in "
            + "time. The Worker brings them to the gate within `Worker:TermsRefreshInterval` (2 s).",
            "Do not send the edit again: it stands (`GET /api/products/{id}/changes` lists it). Reserves follow the new terms "
            + "within seconds; if they do not, check that a Worker runs."),
        new("insufficient-available", 409,
            "A stock removal larger than can be taken away: more than `available` in Redis (held and purchasing units cannot "
            + "be removed), or below what is sold. The adjustment is recorded as `reverted` and the total is as before.",
            "Remove at most `available` units, or wait for holds to end and try again."),
        new("total-stock-mismatch", 409,
            "The request gave `expectedTotalStock` and the product's total is not that: someone changed the stock since it was "
            + "read. `totalStock` is the total now. Nothing was changed.",
            "Decide the change again against `totalStock`, and send it with that as the new `expectedTotalStock`."),
        new("stock-limit-exceeded", 409,
            "The adjustment would raise the product's total stock above 100,000,000 units. Nothing was changed.",
            "Add fewer units."),
        new("adjustment-not-found", 404,
            "The product has no stock adjustment with this id.",
            "Use the `Location` that the adjustment's 201 or 202 answered, or list them at `GET /api/products/{id}/adjustments`."),
    ];
}
