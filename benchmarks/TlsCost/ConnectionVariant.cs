namespace IsuBench.Benchmarks.TlsCost;

/// <summary>One way of making a new TLS connection with one small GET read to the end of its head, then closed.</summary>
public sealed record ConnectionVariant(string Name, Func<CancellationToken, Task> ConnectOnceAsync);
