using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Reservations.Load;

/// <summary>
/// A MONITOR connection to one Redis node: each command the node receives from then on, with its arguments as they were
/// sent. StackExchange.Redis has no MONITOR, so this speaks the protocol itself (a node without a password, as
/// redis-benchmark is given none either).
/// </summary>
public sealed class RedisMonitor : IDisposable
{
    private readonly TcpClient _client;
    private readonly StreamReader _reader;

    private RedisMonitor(TcpClient client)
    {
        _client = client;
        _reader = new StreamReader(client.GetStream(), Encoding.ASCII);
    }

    /// <summary>Returns once the node reports every command it receives.</summary>
    public static async Task<RedisMonitor> StartAsync(EndPoint node, CancellationToken cancellationToken)
    {
        var client = new TcpClient();
        try
        {
            await (node switch
            {
                DnsEndPoint dns => client.ConnectAsync(dns.Host, dns.Port, cancellationToken),
                IPEndPoint ip => client.ConnectAsync(ip, cancellationToken),
                _ => throw new InvalidOperationException($"Unexpected endpoint {node}"),
            });
            var monitor = new RedisMonitor(client);
            await client.GetStream().WriteAsync("*1\r\n$7\r\nMONITOR\r\n"u8.ToArray(), cancellationToken);
            var reply = await monitor._reader.ReadLineAsync(cancellationToken);
            return reply == "+OK" ? monitor : throw new InvalidOperationException($"MONITOR on {node} answered '{reply}'.");
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>The arguments of the first command from now on that <paramref name="match"/> accepts.</summary>
    public async Task<IReadOnlyList<byte[]>> NextAsync(Func<IReadOnlyList<byte[]>, bool> match, CancellationToken cancellationToken)
    {
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var command = Arguments(line);
            if (match(command))
            {
                return command;
            }
        }

        throw new InvalidOperationException("The node closed the MONITOR connection.");
    }

    /// <summary>
    /// The arguments of a line MONITOR reports, <c>+1700000000.123456 [0 127.0.0.1:50000] "SET" "k" "\x01v"</c>: each one
    /// quoted, with <c>\\</c>, <c>\"</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\a</c>, <c>\b</c> and <c>\xHH</c> for the
    /// other bytes outside printable ASCII.
    /// </summary>
    public static IReadOnlyList<byte[]> Arguments(string line)
    {
        var at = line.IndexOf("] ", StringComparison.Ordinal);
        if (at < 0)
        {
            throw new FormatException($"Not a MONITOR line: {line}");
        }

        var arguments = new List<byte[]>();
        var argument = new List<byte>();
        for (at += 2; at < line.Length; at += 2)
        {
            if (line[at] != '"')
            {
                throw new FormatException($"An argument does not start with a quote at {at}: {line}");
            }

            argument.Clear();
            for (at++; At(line, at) != '"';)
            {
                var (value, length) = line[at] == '\\' ? Escaped(line, at + 1) : ((byte)line[at], 1);
                argument.Add(value);
                at += length;
            }

            arguments.Add([.. argument]);
        }

        return arguments;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _client.Dispose();
    }

    // The byte an escape after a backslash stands for, and the characters the escape takes with its backslash.
    private static (byte Value, int Length) Escaped(string line, int at) => At(line, at) switch
    {
        'x' => (Convert.ToByte(line.Substring(at + 1, 2), 16), 4),
        'n' => ((byte)'\n', 2),
        'r' => ((byte)'\r', 2),
        't' => ((byte)'\t', 2),
        'a' => (0x07, 2),
        'b' => (0x08, 2),
        var escaped => ((byte)escaped, 2),
    };

    private static char At(string line, int index) =>
        index < line.Length ? line[index] : throw new FormatException($"An argument is not closed: {line}");
}
