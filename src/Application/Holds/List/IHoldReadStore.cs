using Reservations.Domain.Customers;
using Reservations.Domain.Holds;

namespace Reservations.Application.Holds.List;

/// <summary>Reads a customer's holds from the gate, which keeps them while they can still be read by id (about two days).</summary>
public interface IHoldReadStore
{
    /// <summary>Over every shard, newest first (ties by id), each with the status a reader sees now, only those with
    /// <paramref name="status"/> when given; and how many match in all.</summary>
    Task<CustomerHolds> ListAsync(CustomerId customer, HoldStatus? status, int newest, CancellationToken cancellationToken);
}
