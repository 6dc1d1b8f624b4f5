using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using Reservations.WebApi.Auth;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// Clients of the API's Kestrel that connect from a loopback address of their own (127.0.0.2 and on): to the API, each
/// is another client address, so limits per address do not carry over from one test to the next.
/// </summary>
public static class LoopbackClients
{
    private static int _lastHost = 1;

    public static HttpClient CreateClientFromOwnAddress(this WebApplicationFactory<AuthOptions> api)
    {
        var source = new IPAddress([127, 0, 0, (byte)Interlocked.Increment(ref _lastHost)]);
        using var factoryClient = api.CreateClient();
        var port = factoryClient.BaseAddress!.Port;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }
}
