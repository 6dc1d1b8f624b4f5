using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>One webhook request as the receiver got it, and whether its signature verified with the endpoint's secret.</summary>
public sealed record ReceivedWebhook(string Id, string Body, IHeaderDictionary Headers, bool Verified)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Type => Json.GetProperty("type").GetString()!;

    public JsonElement Data => Json.GetProperty("data");
}

/// <summary>
/// A Kestrel receiver on a loopback port, inside the test: verifies every request with the Standard Webhooks library
/// and records it before answering as <see cref="Respond"/> says. It can go down and come back on the same port.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private WebApplication? _app;

    private WebhookReceiver(int port) => Port = port;

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    /// <summary>The endpoint's secret, known once it is registered.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>The status code to answer with (it may wait first); 200 by default.</summary>
    public Func<CancellationToken, Task<int>> Respond { get; set; } = _ => Task.FromResult(200);

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>Requests answered 2xx, each counted once it was sent.</summary>
    public ConcurrentBag<string> Acknowledged { get; } = [];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver(FreePort.Next());
        await receiver.UpAsync();
        return receiver;
    }

    public async Task UpAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.MapPost("/hooks", HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        _app = app;
    }

    public async Task DownAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
        }
    }

    /// <summary>Verifies a body against headers as received, with the endpoint's secret: false when the library refuses it.</summary>
    public bool Verifies(string body, IHeaderDictionary headers)
    {
        try
        {
            new StandardWebhook(Secret).Verify(body, headers);
            return true;
        }
        catch (WebhookVerificationException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync() => new(DownAsync());

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value));
        var id = headers["webhook-id"].ToString();
        _received.Enqueue(new ReceivedWebhook(id, body, headers, Verifies(body, headers)));
        var status = await Respond(context.RequestAborted);
        context.Response.StatusCode = status;
        await context.Response.CompleteAsync();
        if (status is >= 200 and <= 299)
        {
            Acknowledged.Add(id);
        }
    }
}
