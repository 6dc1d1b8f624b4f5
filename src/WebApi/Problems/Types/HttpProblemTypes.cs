namespace Reservations.WebApi.Problems.Types;

internal static class HttpProblemTypes
{
    public static ProblemType[] All { get; } =
    [
        new("validation", 400,
            "A field of the body, the query or a header breaks a rule: a quantity outside 1–1000, a malformed SKU, a `pageSize` "
            + "outside 1–100, text with control characters, an `Idempotency-Key` over 255 characters, JSON with a value of the "
            + "wrong type (`\"5\"` or `1.5` for an integer, `null`) or a property twice, or a product edit whose fields do not fit "
            + "together (`salesCloseAt` before `salesOpenAt`, `holdSeconds` above `maxHoldSeconds`). Nothing was changed.",
            "Read `errors`: it maps each field, as the client wrote it (a header by its name), to what is wrong with it. Correct "
            + "those fields and send the request again; sent unchanged, it gets the same answer."),
        new("bad-request", 400,
            "The request could not be bound before any rule was checked: a route or query value the route cannot read (a "
            + "`page` that is not a number), a body that is required and missing, or the development token route's own field "
            + "errors.",
            "Fix the request against the OpenAPI document (`/openapi/v1.json`, explored at `/scalar`); sending it again "
            + "unchanged gets the same answer."),
        new("unauthorized", 401,
            "The route needs a bearer token and none was sent, or the token is refused: signed with another key or with an "
            + "algorithm other than HS256, another issuer or audience, expired (beyond 30 s of clock skew), not yet valid, or "
            + "without a usable `sub`. The response carries `WWW-Authenticate: Bearer`.",
            "Get a fresh token from the identity provider and send it as `Authorization: Bearer <token>`. Retrying with the same "
            + "token gets the same answer."),
        new("forbidden", 403,
            "The token is valid but its caller may not do this: a customer on an admin route (creating or editing products, "
            + "stock, ledgers, dead letters, webhooks), or a customer passing `customerId` to `GET /api/reservations` (only "
            + "admins may, even for the caller's own id).",
            "Do not retry. Call the route with a token that has the role it needs (`role: admin`), or leave `customerId` out to "
            + "list the caller's own holds."),
        new("not-found", 404,
            "No route answers this path: a typo, an id that is not a UUID (route ids are UUIDs, anything else is 404), a "
            + "development route outside Development, or the Stripe webhook while payments are not configured.",
            "Check the path and method against the OpenAPI document (`/openapi/v1.json`); use the ids the API answered."),
        new("method-not-allowed", 405,
            "The path exists, but not with this method (`PUT /api/products/{id}`, say: products are edited with `PATCH`).",
            "Use a method the route takes; the `Allow` header of the response lists them."),
        new("payload-too-large", 413,
            "The body is larger than the API reads: 16 KiB (256 KiB for the Stripe webhook). Nothing was changed.",
            "Send a smaller body: no request of this API needs more. A large cart goes in several reservations."),
        new("unsupported-media-type", 415,
            "The body's `Content-Type` is not the one the route reads: `application/json`, and `application/merge-patch+json` "
            + "for `PATCH /api/products/{id}`. Nothing was changed.",
            "Send the body again with that `Content-Type`."),
        new("rate-limited", 429,
            "The caller went over one of its limits: a customer's reserves, purchases and releases (a bucket of 40, refilled 20 "
            + "a second), all calls of a signed-in customer (200, refilled 100 a second), all calls from one client address "
            + "without a valid token (200, 100 a second), or 32 requests of one caller open at once. The request took nothing.",
            "Wait the `Retry-After` seconds, then slow down. Other customers are not affected. A reserve retried later with the "
            + "same `Idempotency-Key` and body cannot hold twice."),
        new("request-headers-too-large", 431,
            "The request's headers are over 16 KiB in all, or more than 50 of them. Nothing was done.",
            "Send fewer or smaller headers; large cookies set by other applications on the same host are the usual cause."),
        new("service-unavailable", 503,
            "The API cannot do the work now: Redis or PostgreSQL did not answer in time, refused the write (Redis full, its "
            + "disk full) or is unreachable; the process is at its limit of requests at work and waiting; a purchase's Redis "
            + "replicas did not confirm in time (`Redis:PurchaseReplicas`); or the process already serves its 10,000 "
            + "availability streams.",
            "Retry after the `Retry-After` seconds, with backoff. The work may have been done all the same: retry a reserve, "
            + "extension or stock change with the same `Idempotency-Key` and body, and a purchase as it was (a repeated purchase "
            + "answers its first result). Operators: `/health/ready` names the store that does not answer."),
        new("internal-error", 500,
            "A fault the API has no answer for: a bug, or data it cannot read (a Redis key of the wrong type, a counter that is "
            + "not an integer). The gate's scripts check before they write, so such a request changed nothing in Redis. The API "
            + "logs the fault with the request's trace id.",
            "Do not retry in a loop. Report the response's `traceId` to the operator, who finds the log line and the trace by it."),
        new("error", null,
            "An HTTP error the API has no more specific code for; the status of the response says which. In practice a 408: the "
            + "client sent its body slower than 1 KiB a second after a 2 s grace.",
            "Read the status. After a 408, send the whole body promptly on a new connection."),
    ];
}
