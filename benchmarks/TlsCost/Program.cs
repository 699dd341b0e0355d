using System.Diagnostics;
using System.Globalization;
using IsuBench.Benchmarks.TlsCost;

// tls-cost --tls12 https://127.0.0.1:P --tls13 https://127.0.0.1:Q [--connections 1500] [--rounds 3] [--warmup 200] [--concurrency 2]
// Prints, per variant, the client process's CPU per connection (median of the rounds) and its ratio to the first variant's,
// each ratio taken within a round (variants alternate in every round, so a machine that changes speed moves them alike).
var options = args.Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
var tls12 = new Uri(options["tls12"]);
var tls13 = new Uri(options["tls13"]);
int connections = int.Parse(options.GetValueOrDefault("connections", "1500"), CultureInfo.InvariantCulture);
int rounds = int.Parse(options.GetValueOrDefault("rounds", "3"), CultureInfo.InvariantCulture);
int warmup = int.Parse(options.GetValueOrDefault("warmup", "200"), CultureInfo.InvariantCulture);
int concurrency = int.Parse(options.GetValueOrDefault("concurrency", "2"), CultureInfo.InvariantCulture);

if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("the variants use OpenSSL's cipher suite policy: Linux only");
var keep = new List<IDisposable>();
var variants = Variants.All(tls12, tls13, keep);
foreach (var variant in variants) await RunAsync(variant, warmup);
var perConnection = variants.ToDictionary(v => v.Name, _ => new List<double>());
var ratios = variants.ToDictionary(v => v.Name, _ => new List<double>());
for (int round = 0; round < rounds; round++)
{
    var thisRound = new Dictionary<string, double>();
    foreach (var variant in variants)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        await RunAsync(variant, connections);
        process.Refresh();
        thisRound[variant.Name] = (process.TotalProcessorTime - before).TotalMilliseconds / connections;
        perConnection[variant.Name].Add(thisRound[variant.Name]);
    }
    foreach (var variant in variants) ratios[variant.Name].Add(thisRound[variant.Name] / thisRound[variants[0].Name]);
    var figures = variants.Select(v => thisRound[v.Name].ToString("0.000", CultureInfo.InvariantCulture));
    Console.Error.WriteLine($"round {round + 1}: " + string.Join("  ", figures));
}
foreach (var disposable in keep) disposable.Dispose();

Console.WriteLine($"| connection | CPU ms per connection (median of {rounds} rounds of {connections}) | rounds "
    + $"| × {variants[0].Name} (median of the rounds' ratios) |");
Console.WriteLine("|---|---:|---|---:|");
foreach (var variant in variants)
{
    string each = string.Join(", ", perConnection[variant.Name].Select(ms => ms.ToString("0.000", CultureInfo.InvariantCulture)));
    Console.WriteLine($"| {variant.Name} | {Median(perConnection[variant.Name]):0.000} | {each} | {Median(ratios[variant.Name]):0.00} |");
}
return 0;

// N connections, `concurrency` at a time.
async Task RunAsync(ConnectionVariant variant, int count)
{
    int next = 0;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) <= count) await variant.ConnectOnceAsync(CancellationToken.None);
    }));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
