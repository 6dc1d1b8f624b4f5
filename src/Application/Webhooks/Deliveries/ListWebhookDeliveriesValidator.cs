using Reservations.Application.Common.Paging;

namespace Reservations.Application.Webhooks.Deliveries;

public sealed class ListWebhookDeliveriesValidator : PagedQueryValidator<ListWebhookDeliveriesQuery>;
