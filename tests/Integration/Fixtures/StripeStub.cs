using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>One request as the stub got it: path, the headers that matter, and its form fields under Stripe's bracketed keys.</summary>
public sealed record StripeCall(string Path, string? IdempotencyKey, string? Authorization, IReadOnlyDictionary<string, string> Form);

/// <summary>An error the stub answers instead of the real thing, in Stripe's shape; or no answer at all.</summary>
public sealed record StripeFault(int Status, string Type, string? Code, string Message, bool Stalls = false)
{
    public static StripeFault ServerError { get; } = new(500, "api_error", null, "An unknown error occurred.");

    public static StripeFault CardDeclined { get; } = new(402, "card_error", "card_declined", "Your card was declined.");

    public static StripeFault InvalidRequest { get; } = new(400, "invalid_request_error", "parameter_invalid_integer", "Invalid integer: abc.");

    /// <summary>Holds the request until the client gives up (past any client timeout).</summary>
    public static StripeFault Stall { get; } = new(0, string.Empty, null, string.Empty, Stalls: true);
}

/// <summary>A <c>checkout.session</c> as a webhook event carries it; <paramref name="ReservationId"/> goes to its metadata.</summary>
public sealed record StripeSessionObject(
    string Id,
    string? ReservationId,
    string? ClientReferenceId = null,
    string? PaymentIntent = "pi_test_1",
    string PaymentStatus = "paid",
    long? AmountTotal = 1000,
    string? Currency = "usd",
    string Status = "complete");

/// <summary>
/// A Kestrel stand-in for Stripe's API on a loopback port, inside the test: enough of <c>POST /v1/checkout/sessions</c>
/// and <c>POST /v1/refunds</c> for Stripe.net, replaying the first answer to a repeated Idempotency-Key as Stripe does,
/// recording every request, and failing the next calls on demand. Also signs webhook events exactly as Stripe does.
/// </summary>
public sealed class StripeStub : IAsyncDisposable
{
    private readonly ConcurrentQueue<StripeCall> _calls = new();
    private readonly ConcurrentQueue<StripeFault> _faults = new();
    private readonly ConcurrentDictionary<string, string> _answersByKey = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly WebApplication _app;

    private StripeStub(int port)
    {
        Port = port;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        _app = builder.Build();
        _app.MapPost("/v1/checkout/sessions", context => AnswerAsync(context, CheckoutSession));
        _app.MapPost("/v1/refunds", context => AnswerAsync(context, Refund));
    }

    public int Port { get; }

    /// <summary>What <c>Payments:Stripe:ApiBase</c> points at.</summary>
    public Uri ApiBase => new($"http://127.0.0.1:{Port}");

    public IReadOnlyList<StripeCall> Calls => [.. _calls];

    public static async Task<StripeStub> StartAsync()
    {
        var stub = new StripeStub(FreePort.Next());
        await stub._app.StartAsync(TestContext.Current.CancellationToken);
        return stub;
    }

    /// <summary>The next <paramref name="count"/> requests, whatever their path, answer <paramref name="fault"/>.</summary>
    public void FailNext(int count, StripeFault fault)
    {
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>A <c>Stripe-Signature</c> header: <c>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, "t.payload")&gt;</c>.</summary>
    public static string Sign(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>A webhook event about a checkout session, as Stripe sends it.</summary>
    public static string EventJson(string type, StripeSessionObject session, string apiVersion = "2020-08-27") => new JsonObject
    {
        ["id"] = $"evt_{Guid.NewGuid():N}",
        ["object"] = "event",
        ["api_version"] = apiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["type"] = type,
        ["data"] = new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = session.Id,
                ["object"] = "checkout.session",
                ["mode"] = "payment",
                ["client_reference_id"] = session.ClientReferenceId,
                ["metadata"] = session.ReservationId is null ? new JsonObject() : new JsonObject { ["reservationId"] = session.ReservationId },
                ["payment_intent"] = session.PaymentIntent,
                ["payment_status"] = session.PaymentStatus,
                ["amount_total"] = session.AmountTotal,
                ["currency"] = session.Currency,
                ["status"] = session.Status,
            },
        },
    }.ToJsonString();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync(TestContext.Current.CancellationToken);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task AnswerAsync(HttpContext context, Func<IReadOnlyDictionary<string, string>, JsonObject> answer)
    {
        var form = (await context.Request.ReadFormAsync(context.RequestAborted)).ToDictionary(f => f.Key, f => f.Value.ToString());
        var key = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
        _calls.Enqueue(new StripeCall(context.Request.Path, key, context.Request.Headers.Authorization.FirstOrDefault(), form));

        if (_faults.TryDequeue(out var fault))
        {
            await FailAsync(context, fault);
            return;
        }

        var json = key is null
            ? answer(form).ToJsonString()
            : _answersByKey.GetOrAdd($"{context.Request.Path} {key}", _ => answer(form).ToJsonString());
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    private async Task FailAsync(HttpContext context, StripeFault fault)
    {
        if (fault.Stalls)
        {
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, stall.Token);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, or the stub stops: nobody is waiting for an answer.
            }

            return;
        }

        context.Response.StatusCode = fault.Status;
        context.Response.ContentType = "application/json";
        var error = new JsonObject { ["type"] = fault.Type, ["code"] = fault.Code, ["message"] = fault.Message };
        await context.Response.WriteAsync(new JsonObject { ["error"] = error }.ToJsonString(), context.RequestAborted);
    }

    private static JsonObject CheckoutSession(IReadOnlyDictionary<string, string> form)
    {
        var id = $"cs_test_{Guid.NewGuid():N}";
        var lines = Enumerable.Range(0, int.MaxValue).TakeWhile(i => form.ContainsKey($"line_items[{i}][quantity]"))
            .Select(i => long.Parse(form[$"line_items[{i}][price_data][unit_amount]"], CultureInfo.InvariantCulture)
                * long.Parse(form[$"line_items[{i}][quantity]"], CultureInfo.InvariantCulture));
        var metadata = new JsonObject();
        foreach (var (name, value) in form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal)))
        {
            metadata[name["metadata[".Length..^1]] = value;
        }

        return new JsonObject
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["mode"] = form.GetValueOrDefault("mode"),
            ["url"] = $"https://checkout.stripe.com/c/pay/{id}",
            ["expires_at"] = long.Parse(form["expires_at"], CultureInfo.InvariantCulture),
            ["client_reference_id"] = form.GetValueOrDefault("client_reference_id"),
            ["metadata"] = metadata,
            ["amount_total"] = lines.Sum(),
            ["currency"] = form.GetValueOrDefault("line_items[0][price_data][currency]"),
            ["payment_intent"] = null,
            ["payment_status"] = "unpaid",
            ["status"] = "open",
            ["success_url"] = form.GetValueOrDefault("success_url"),
            ["cancel_url"] = form.GetValueOrDefault("cancel_url"),
            ["livemode"] = false,
        };
    }

    private static JsonObject Refund(IReadOnlyDictionary<string, string> form) => new()
    {
        ["id"] = $"re_{Guid.NewGuid():N}",
        ["object"] = "refund",
        ["status"] = "succeeded",
        ["payment_intent"] = form.GetValueOrDefault("payment_intent"),
    };
}
