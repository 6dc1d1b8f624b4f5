using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Reservations.Application.Common.Results;
using Reservations.WebApi.Problems;

namespace Reservations.UnitTests.WebApi.Problems;

public class ResultExtensionsTests
{
    private readonly DefaultHttpContext _context = new() { TraceIdentifier = "request-1" };

    [Fact]
    public void ToProblem_WhenErrorHasExtensions_BuildsTheTypedProblemWithThem()
    {
        var error = new Error("out-of-stock", ErrorKind.Conflict, new Dictionary<string, object?> { ["available"] = 3 });

        var problem = error.ToProblem(_context).ProblemDetails;

        problem.Type.Should().Be("https://reservations.dev/problems/out-of-stock");
        problem.Title.Should().Be("Out of stock");
        problem.Status.Should().Be(409);
        problem.Extensions.Should().Contain("available", 3);
    }

    [Fact]
    public void ToProblem_WhenNoActivity_UsesTheRequestsTraceIdentifier()
    {
        Activity.Current = null;

        var problem = new Error("product-not-found", ErrorKind.NotFound).ToProblem(_context).ProblemDetails;

        problem.Extensions.Should().Contain("traceId", "request-1");
    }

    [Fact]
    public void ToProblem_WhenActivityRunning_UsesItsId()
    {
        using var activity = new Activity("request").Start();

        var problem = new Error("product-not-found", ErrorKind.NotFound).ToProblem(_context).ProblemDetails;

        problem.Extensions.Should().Contain("traceId", activity.Id);
    }

    [Fact]
    public void StatusProblem_NamesTheStatusesCode_AsTheFrameworksProblemsDo()
    {
        var problem = _context.StatusProblem(StatusCodes.Status415UnsupportedMediaType).ProblemDetails;

        problem.Type.Should().Be("https://reservations.dev/problems/unsupported-media-type");
        problem.Title.Should().Be("Unsupported media type");
        problem.Status.Should().Be(415);
        problem.Extensions.Should().ContainKey("traceId");
    }
}
