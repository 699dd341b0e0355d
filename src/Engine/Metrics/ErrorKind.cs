using IsuBench.Engine.Http;

namespace IsuBench.Engine.Metrics;

/// <summary>How serious a recorded message is.</summary>
public enum ErrorKind
{
    /// <summary>The server did something wrong; the run still passes.</summary>
    Ordinary,

    /// <summary>The server broke the contract; the run fails.</summary>
    Critical,

    /// <summary>The bench itself ran out of resources (e.g. sockets); not the server's fault.</summary>
    BenchCapacity,

    /// <summary>An IsuBench addition the original benchmark did not enforce failed (critical instead with <c>--strict</c>).</summary>
    Warning,
}
