namespace Reservations.WebApi.Problems.Types;

internal static class HoldProblemTypes
{
    public static ProblemType[] All { get; } =
    [
        new("product-not-found", 404,
            "No product has this id: the catalog does not know it, or, on a reserve, the gate in Redis does not (a cart's "
            + "refusal names the line's `productId`). Also the answer for a product's ledger, edits, stock and availability "
            + "stream.",
            "Take product ids from `GET /api/products`; the same id gets the same answer."),
        new("sale-not-open", 409,
            "The product's sale is not open at this instant, by Redis's clock: before `salesOpenAt` (`opensAt` then says when "
            + "it opens), from `salesCloseAt` on, or while the product is paused. `productId` names the product. Nothing was "
            + "held; holds taken before are not touched.",
            "Show the customer when the sale opens (`opensAt`) and reserve again from then. Without `opensAt` the sale is "
            + "closed or paused, and only an admin can open it again."),
        new("out-of-stock", 409,
            "Fewer units are available than the line asks for: `available` is what was left when the request was decided, "
            + "`productId` the product of the refused line. Nothing was held (a cart is held whole or not at all).",
            "Show the customer what is left and let them reserve at most `available`. Units come back as other holds expire "
            + "or are released, so a later try can succeed; do not retry in a tight loop."),
        new("limit-exceeded", 409,
            "The customer would hold or own more units of the product than its `maxPerCustomer`, given as `limit`: held and "
            + "purchased units count, released and expired ones do not. `productId` names the product.",
            "Show the limit. The customer may reserve `limit` minus what they hold and have bought; releasing a hold frees its "
            + "units for the limit."),
        new("cart-spans-sales", 409,
            "A cart names products of different sales (their `saleId` differs, or one has none); `productId` is the line that "
            + "does not share the others' sale. A cart is held in one step, which only products of one sale allow.",
            "Reserve the products of each sale as a reservation of its own."),
        new("hold-too-long", 400,
            "The reserve asks for `holdSeconds` longer than the product holds, which the problem's `holdSeconds` gives. "
            + "Nothing was held.",
            "Ask for at most that many seconds, or leave `holdSeconds` out to get the product's. To keep a hold longer, extend "
            + "it (`POST /api/reservations/{id}/extend`)."),
        new("idempotency-key-reused", 422,
            "This `Idempotency-Key` was used in the last 24 hours for another request: by the same customer for another "
            + "product, quantity or `holdSeconds` (a reserve) or other `seconds` (an extension of the same hold), or for a "
            + "stock change of the same product with another body. A key, once claimed, stays with its first request.",
            "Use a new key for a new request. To retry the first request, send exactly its body with its key: that answers "
            + "its result, and completes it if it had failed."),
        new("reservation-not-found", 404,
            "No reservation with this id for the caller: it never existed, it is another customer's (it exists only for its "
            + "owner, so the answer is 404 rather than 403), or it ended more than a day ago unbought and Redis let it go.",
            "Check the id and that the token is its customer's; `GET /api/reservations` lists the caller's holds."),
        new("hold-expired", 410,
            "The hold's deadline (by Redis's clock) has passed: its units went back to stock, and it can no longer be bought, "
            + "extended or paid for.",
            "Tell the customer the hold ran out and offer to reserve again, with a new `Idempotency-Key`; the stock may be gone."),
        new("hold-released", 410,
            "The hold was released before it was bought (`DELETE /api/reservations/{id}`, or its Stripe checkout expired): its "
            + "units went back to stock.",
            "Tell the customer the hold is gone and offer to reserve again, with a new `Idempotency-Key`."),
        new("already-purchased", 409,
            "The hold has been bought, so it can no longer be released, extended or paid for at checkout.",
            "Nothing to undo or pay: read the reservation (`purchased`, then `completed`) and, once persisted, its order at "
            + "`GET /api/orders/{id}`. A refund is the shop's business, outside this API."),
        new("extension-limit", 409,
            "The extension would move the deadline past the hold's cap, its creation plus the product's `maxHoldSeconds`; "
            + "`maxExpiresAt` is the cap. A checkout, which first extends the hold to outlast Stripe's 30-minute session, meets "
            + "it too. The deadline did not move.",
            "Extend by less, at most to `maxExpiresAt`. For checkout, the product needs a `maxHoldSeconds` of at least the "
            + "hold's age plus 2,070 s: an admin can raise it."),
        new("order-not-found", 404,
            "No order with this id for the caller: the purchase is not in PostgreSQL yet (the Worker persists it shortly after "
            + "the purchase is answered), it was dead-lettered, or the order is another customer's.",
            "While the reservation reads `purchased`, try again after a second or two; once it reads `completed`, the order is "
            + "there."),
        new("too-many-streams", 429,
            "This client address (an IPv6 client by its /64) already has 20 availability streams open "
            + "(`LiveAvailability:MaxStreamsPerClient`).",
            "Close streams no longer read, and poll `GET /api/products` for the other products; open the stream again after "
            + "the `Retry-After` seconds."),
    ];
}
