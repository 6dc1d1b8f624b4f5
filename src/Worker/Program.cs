using Reservations.Worker;
using Reservations.Worker.Health;

if (args is [HealthProbe.Command])
{
    return await HealthProbe.RunAsync();
}

var builder = Host.CreateApplicationBuilder(args);
builder.AddWorker();
await builder.Build().RunAsync();
return 0;
