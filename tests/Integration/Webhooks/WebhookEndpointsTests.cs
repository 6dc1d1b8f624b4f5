using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Webhooks;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Webhooks;

/// <summary>The admin's webhook routes: register, list, delete, with their checks of bad input.</summary>
public sealed class WebhookEndpointsTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private readonly HttpClient _admin = api.CreateClient(Tokens.Admin());

    [Fact]
    public async Task Create_Answers201WithTheEndpointAndAWhsecSecret()
    {
        var response = await _admin.CreateWebhookAsync("http://127.0.0.1:9/hooks", WebhookEventTypes.OrderCompleted);

        var created = await response.ShouldBeJsonAsync<Application.Webhooks.Create.CreatedWebhookEndpointResponse>(HttpStatusCode.Created);
        created.Secret.Should().MatchRegex("^whsec_[A-Za-z0-9+/]{43}=$");
        created.Events.Should().Equal(WebhookEventTypes.OrderCompleted);
        created.Enabled.Should().BeTrue();
        response.Headers.Location!.ToString().Should().Be($"/api/admin/webhooks/{created.Id}");
    }

    [Fact]
    public async Task List_ShowsTheEndpointsWithoutTheirSecrets()
    {
        var created = await (await _admin.CreateWebhookAsync("http://127.0.0.1:9/list", WebhookEventTypes.HoldCreated))
            .ShouldBeJsonAsync<Application.Webhooks.Create.CreatedWebhookEndpointResponse>(HttpStatusCode.Created);

        var body = await _admin.GetStringAsync(new Uri("/api/admin/webhooks", UriKind.Relative), TestContext.Current.CancellationToken);

        body.Should().Contain(created.Id.ToString()).And.NotContain(created.Secret).And.NotContainEquivalentOf("secret");
    }

    [Fact]
    public async Task Create_SwitchesTheTypeOnInTheGateBeforeAnswering()
    {
        await _admin.CreateWebhookAsync("http://127.0.0.1:9/switch", WebhookEventTypes.HoldExpired);

        (await api.SwitchedTypesAsync(0)).Should().Contain(WebhookEventTypes.HoldExpired);
    }

    [Fact]
    public async Task Create_ItsLocation_AnswersTheEndpointWithoutItsSecret_AndAnUnknownIdIs404()
    {
        var response = await _admin.CreateWebhookAsync("http://127.0.0.1:9/located", WebhookEventTypes.OrderCompleted);
        var created = await response.ShouldBeJsonAsync<Application.Webhooks.Create.CreatedWebhookEndpointResponse>(HttpStatusCode.Created);

        var located = await _admin.GetAsync(response.Headers.Location!, TestContext.Current.CancellationToken);

        var body = await located.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        located.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Should().Contain(created.Id.ToString()).And.NotContain(created.Secret).And.NotContainEquivalentOf("secret");
        (await _admin.GetAsync(new Uri($"/api/admin/webhooks/{Guid.CreateVersion7()}", UriKind.Relative), TestContext.Current.CancellationToken))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AReadingOfTheEndpointsMadeBeforeACreate_NeverSwitchesItsTypesOff()
    {
        var ct = TestContext.Current.CancellationToken;
        GateEventSubscriptions stale;
        using (var scope = api.Services.CreateScope())
        {
            stale = await scope.ServiceProvider.GetRequiredService<IWebhookEventStore>().SubscriptionsAsync(ct);
        }

        await _admin.CreateWebhookAsync("http://127.0.0.1:9/stale", WebhookEventTypes.OrderDeadLettered);
        await api.Services.GetRequiredService<IGateEventSwitch>().SetAsync(stale, ct);

        stale.Types.Should().NotContain(WebhookEventTypes.OrderDeadLettered);
        foreach (var shard in Enumerable.Range(0, api.Keys.Shards))
        {
            (await api.SwitchedTypesAsync(shard)).Should().Contain(WebhookEventTypes.OrderDeadLettered);
        }
    }

    [Fact]
    public async Task Delete_SwitchesOffTheTypesNoEndpointWantsAnyMore()
    {
        var created = await (await _admin.CreateWebhookAsync("http://127.0.0.1:9/gone", WebhookEventTypes.HoldReleased))
            .ShouldBeJsonAsync<Application.Webhooks.Create.CreatedWebhookEndpointResponse>(HttpStatusCode.Created);
        (await api.SwitchedTypesAsync(0)).Should().Contain(WebhookEventTypes.HoldReleased);

        (await _admin.DeleteAsync(new Uri($"/api/admin/webhooks/{created.Id}", UriKind.Relative), TestContext.Current.CancellationToken))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await api.SwitchedTypesAsync(0)).Should().NotContain(WebhookEventTypes.HoldReleased);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative")]
    [InlineData("http://203.0.113.7/hooks")]
    [InlineData("ftp://127.0.0.1/hooks")]
    public async Task Create_WhenTheUrlIsNotAnAllowedAbsoluteHttpsUrl_Answers400OnUrl(string url)
    {
        var problem = await (await _admin.CreateWebhookAsync(url, WebhookEventTypes.OrderCompleted))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("url");
    }

    [Theory]
    [InlineData("order.shipped")]
    [InlineData("ORDER.COMPLETED")]
    public async Task Create_WhenAnEventTypeIsUnknown_Answers400(string type)
    {
        var problem = await (await _admin.CreateWebhookAsync("http://127.0.0.1:9/hooks", type))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("events[0]");
    }

    [Fact]
    public async Task Create_ByACustomer_IsForbidden()
    {
        var response = await api.CreateClient(Tokens.Customer("mallory"))
            .CreateWebhookAsync("http://127.0.0.1:9/hooks", WebhookEventTypes.OrderCompleted);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Delete_RemovesTheEndpoint_ThenAnswers404()
    {
        var created = await (await _admin.CreateWebhookAsync("http://127.0.0.1:9/delete", WebhookEventTypes.StockAdjusted))
            .ShouldBeJsonAsync<Application.Webhooks.Create.CreatedWebhookEndpointResponse>(HttpStatusCode.Created);
        var route = new Uri($"/api/admin/webhooks/{created.Id}", UriKind.Relative);

        (await _admin.DeleteAsync(route, TestContext.Current.CancellationToken)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await api.ListWebhooksAsync()).Should().NotContain(e => e.Id == created.Id);
        await (await _admin.DeleteAsync(route, TestContext.Current.CancellationToken))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "webhook-endpoint-not-found");
    }

    [Fact]
    public async Task Deliveries_OfAnUnknownEndpoint_Answer404()
    {
        var response = await _admin.GetAsync(new Uri($"/api/admin/webhooks/{Guid.NewGuid()}/deliveries", UriKind.Relative),
            TestContext.Current.CancellationToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "webhook-endpoint-not-found");
    }

    [Fact]
    public async Task Retry_OfAnUnknownDelivery_Answers404()
    {
        var response = await _admin.PostAsync(
            new Uri($"/api/admin/webhooks/{Guid.NewGuid()}/deliveries/{Guid.NewGuid()}/retry", UriKind.Relative), null,
            TestContext.Current.CancellationToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "webhook-delivery-not-found");
    }

    [Fact]
    public async Task OpenApi_DescribesTheWebhookRoutes()
    {
        var document = await api.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        document.Should().Contain("/api/admin/webhooks/{id}/deliveries/{deliveryId}/retry").And.Contain("Registers a webhook endpoint");
    }
}

/// <summary>Local targets refused, as outside Development.</summary>
public sealed class PublicTargetsOnlyApiFactory : ReservationsApiFactory
{
    protected override IReadOnlyList<(string Key, string Value)> Settings => [("Webhooks:AllowLocalTargets", "false")];
}

/// <summary>Outside Development, no endpoint may point into this machine or its networks (server-side request forgery).</summary>
public sealed class WebhookTargetRulesTests(PublicTargetsOnlyApiFactory api) : IClassFixture<PublicTargetsOnlyApiFactory>
{
    [Theory]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://localhost/hooks")]
    [InlineData("https://10.0.0.8/hooks")]
    [InlineData("https://192.168.1.20/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("http://127.0.0.1:8080/hooks")]
    public async Task Create_WhenTheUrlPointsAtALocalAddress_Answers400OnUrl(string url)
    {
        var problem = await (await api.CreateClient(Tokens.Admin()).CreateWebhookAsync(url, WebhookEventTypes.OrderCompleted))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation");

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("url");
    }

    [Fact]
    public async Task AWorkerOutsideDevelopment_RefusesToStartWithLocalTargetsAllowed()
    {
        var (exitCode, output) = await WorkerProcess.RunToExitAsync(api, TimeSpan.FromSeconds(60), ("Webhooks:AllowLocalTargets", "true"));

        exitCode.Should().NotBe(0);
        output.Should().Contain("Webhooks:AllowLocalTargets may be true only in Development.");
    }
}
