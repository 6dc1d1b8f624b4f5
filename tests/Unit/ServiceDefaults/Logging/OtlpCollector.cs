using System.Collections.Concurrent;
using System.Net;

namespace Reservations.UnitTests.ServiceDefaults.Logging;

/// <summary>A stand-in OTLP/HTTP collector: keeps every request it receives and answers 200 with an empty export response.</summary>
internal sealed class OtlpCollector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> _requests = new();

    public OtlpCollector(string prefix)
    {
        _listener.Prefixes.Add(prefix);
        _listener.Start();
        _ = AnswerAsync();
    }

    public IReadOnlyList<(string Path, string? ContentType, byte[] Body)> Requests => [.. _requests];

    public void Dispose() => _listener.Close();

    private async Task AnswerAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _requests.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
