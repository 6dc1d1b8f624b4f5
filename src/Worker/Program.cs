using Reservations.Worker;

var builder = Host.CreateApplicationBuilder(args);
builder.AddWorker();
await builder.Build().RunAsync();
