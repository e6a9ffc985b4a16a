using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pinger.Server.Configuration;
using Pinger.Server.Storage;

namespace Pinger.Server.Operations;

/// <summary>
/// /healthz answers while the process serves requests (restart it otherwise); /readyz only while reports can be
/// committed: storage answers and the state directory has room (take it out of the load balancer otherwise).
/// </summary>
public sealed class HealthEndpoints(ICounterStore store, ServerSettings settings, string stateDirectory)
{
    /// <summary>Maps the routes.</summary>
    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => Results.Text("ok\n"));
        routes.MapGet("/readyz", Ready);
    }

    private IResult Ready()
    {
        try
        {
            store.Check();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Results.Text("not ready: storage does not answer\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (DiskSpace.Available(stateDirectory) < settings.MinFreeDiskBytes)
        {
            return Results.Text("not ready: too little free disk space in the state directory\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.Text("ready\n");
    }
}
