using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Reservations.WebApi.Auth;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>A bare TCP connection to the API's Kestrel, for requests HttpClient will not send: held, slow, malformed.</summary>
public sealed class RawHttpConnection : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawHttpConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawHttpConnection> OpenAsync(WebApplicationFactory<AuthOptions> api)
    {
        using var client = api.CreateClient();
        var address = client.BaseAddress!;
        var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, TestContext.Current.CancellationToken);
        return new RawHttpConnection(tcp);
    }

    public async Task SendAsync(string text)
    {
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(text), TestContext.Current.CancellationToken);
        await _stream.FlushAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Everything the server sends until it closes the connection, or null if it is still open after <paramref name="timeout"/>.</summary>
    public async Task<string?> ReadUntilClosedAsync(TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer, deadline.Token)) > 0)
            {
                received.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            return received.ToString();
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (IOException)
        {
            return received.ToString();
        }
    }

    /// <summary>Reads until the end of a response's headers (or the connection's end) and returns them.</summary>
    public async Task<string> ReadResponseHeadAsync()
    {
        var received = new StringBuilder();
        var buffer = new byte[1];
        while (!received.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal)
               && await _stream.ReadAsync(buffer, TestContext.Current.CancellationToken) > 0)
        {
            received.Append((char)buffer[0]);
        }

        return received.ToString();
    }

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }
}
