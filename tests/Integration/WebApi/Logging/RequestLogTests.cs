using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Reservations.IntegrationTests.Fixtures;
using Serilog.Core;
using Serilog.Events;

namespace Reservations.IntegrationTests.WebApi.Logging;

/// <summary>At the default Information level, a request gets its log line only when it failed or was slow.</summary>
public sealed class RequestLogTests(RequestLogTests.LoggedApiFactory api) : IClassFixture<RequestLogTests.LoggedApiFactory>
{
    [Fact]
    public async Task ASlowReserve_IsLoggedAsAWarning_WhileFastAnswersAreNot()
    {
        var product = await api.CreateProductAsync(stock: 10);
        var customer = api.CreateClient(Tokens.Customer("logged"));
        // The first calls may be slow while the API compiles its code: not what this test is about.
        await customer.ReserveOkAsync(product.Id);
        api.Lines.Clear();

        await customer.ReserveOkAsync(product.Id);
        (await customer.ReserveAsync(Guid.NewGuid())).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        await using (var held = await HeldRequest.StartAsync(api, Tokens.Customer("slow"), product.Id))
        {
            await Task.Delay(LoggedApiFactory.SlowRequest + TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
            (await held.ReleaseAsync()).Should().StartWith("HTTP/1.1 201");
        }

        await Eventually.TrueAsync(() => Task.FromResult(!api.Lines.IsEmpty), TimeSpan.FromSeconds(5));
        var line = api.Lines.Should().ContainSingle().Subject;
        line.Level.Should().Be(LogEventLevel.Warning);
        line.Properties["StatusCode"].ToString().Should().Be("201");
        line.Properties["RequestPath"].ToString().Should().Be("\"/api/reservations\"");
    }

    /// <summary>Logs at Information, as in production, into <see cref="Lines"/> (request lines only).</summary>
    public sealed class LoggedApiFactory : ReservationsApiFactory
    {
        public static readonly TimeSpan SlowRequest = TimeSpan.FromSeconds(2);

        private readonly RequestLineSink _sink = new();

        public ConcurrentQueue<LogEvent> Lines => _sink.Lines;

        protected override IReadOnlyList<(string Key, string Value)> Settings =>
        [
            ("Serilog:MinimumLevel:Default", "Information"),
            ("RequestLogging:SlowRequestThreshold", SlowRequest.ToString()),
        ];

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILogEventSink>(_sink);
    }

    private sealed class RequestLineSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Lines { get; } = new();

        public void Emit(LogEvent logEvent)
        {
            if (logEvent.Properties.ContainsKey("RequestPath") && logEvent.Properties.ContainsKey("StatusCode"))
            {
                Lines.Enqueue(logEvent);
            }
        }
    }
}
