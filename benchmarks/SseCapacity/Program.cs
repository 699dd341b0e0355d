using IsuBench.Benchmarks.SseCapacity;

// sse-capacity server  --port P
// sse-capacity watchers --target URL --checkpoints 1000,10000 --max 19800 [--transport socket|shared|per-session] [--settle 10]
// sse-capacity rps     --target URL --seconds 10 --concurrency 64
var options = CommandLineOptions.Parse(args.Skip(1));
// Not disposed: the exit handlers may still fire while the process ends.
var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
return args.FirstOrDefault() switch
{
    "server" => await PushServer.RunAsync(options.Int("port", 5099), stop.Token),
    "watchers" => await WatcherRamp.RunAsync(options, stop.Token),
    "rps" => await RequestRate.RunAsync(options, stop.Token),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: sse-capacity server|watchers|rps [--name value ...]");
    return 2;
}
