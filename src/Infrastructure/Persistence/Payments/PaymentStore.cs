using Microsoft.EntityFrameworkCore;
using Reservations.Application.Payments;

namespace Reservations.Infrastructure.Persistence.Payments;

internal sealed class PaymentStore(ReservationsDbContext db) : IPaymentStore
{
    public async Task<StoredCheckout?> FindCheckoutAsync(Guid holdId, CancellationToken cancellationToken) =>
        await db.Set<CheckoutRecord>().AsNoTracking().Where(c => c.ReservationId == holdId)
            .Select(c => new StoredCheckout(c.ReservationId, c.CustomerId, c.SessionId, new Uri(c.Url), c.ExpiresAt))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<StoredCheckout> AddCheckoutAsync(StoredCheckout checkout, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO checkouts (reservation_id, customer_id, session_id, url, expires_at)
            VALUES ({checkout.HoldId}, {checkout.CustomerId}, {checkout.SessionId}, {checkout.Url.AbsoluteUri}, {checkout.ExpiresAt})
            ON CONFLICT (reservation_id) DO NOTHING
            """, cancellationToken);
        return (await FindCheckoutAsync(checkout.HoldId, cancellationToken))!;
    }

    public Task<bool> HasHandledAsync(string eventId, CancellationToken cancellationToken) =>
        db.Set<PaymentEventRecord>().AnyAsync(e => e.Id == eventId, cancellationToken);

    public Task MarkHandledAsync(PaymentEvent paymentEvent, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO payment_events (id, type, handled_at) VALUES ({paymentEvent.Id}, {paymentEvent.RawType}, {at})
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken);

    public Task<PaymentRecord?> FindPaymentAsync(Guid holdId, CancellationToken cancellationToken) =>
        db.Set<PaymentReferenceRecord>().AsNoTracking().Where(p => p.ReservationId == holdId)
            .Select(p => new PaymentRecord(p.ReservationId, p.SessionId, p.PaymentIntentId, p.Amount, p.Currency, p.HeldAgainFrom, p.PaidAt))
            .FirstOrDefaultAsync(cancellationToken);

    public Task RecordPaymentAsync(PaymentRecord payment, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO payments (reservation_id, session_id, payment_intent_id, amount, currency, held_again_from, paid_at)
            VALUES ({payment.HoldId}, {payment.SessionId}, {payment.PaymentIntentId}, {payment.Amount}, {payment.Currency},
                    {payment.HeldAgainFrom}, {payment.At})
            ON CONFLICT (reservation_id) DO NOTHING
            """, cancellationToken);

    public Task RecordProblemAsync(PaymentProblem problem, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO payment_problems (id, reservation_id, session_id, payment_intent_id, kind, amount, currency, refund_id,
                                          refund_status, detail, at)
            VALUES ({Guid.CreateVersion7(problem.At)}, {problem.ReservationId}, {problem.SessionId}, {problem.PaymentIntentId},
                    {problem.Kind}, {problem.Amount}, {problem.Currency}, {problem.RefundId}, {problem.RefundStatus},
                    {problem.Detail}, {problem.At})
            ON CONFLICT (session_id, kind) DO NOTHING
            """, cancellationToken);

    public async Task<(IReadOnlyList<PaymentProblem> Items, int Total)> ListProblemsAsync(
        int page, int pageSize, CancellationToken cancellationToken)
    {
        var problems = db.Set<PaymentProblemRecord>().AsNoTracking();
        var total = await problems.CountAsync(cancellationToken);
        var items = await problems.OrderByDescending(p => p.At).ThenByDescending(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new PaymentProblem(p.ReservationId, p.SessionId, p.PaymentIntentId, p.Kind, p.Amount, p.Currency,
                p.RefundId, p.RefundStatus, p.Detail, p.At))
            .ToListAsync(cancellationToken);
        return (items, total);
    }
}
