using System.Text;

namespace IsuBench.Engine.Execution;

/// <summary>Derives each worker's random seed from the run seed, the workload name and the worker index, stably across processes.</summary>
public static class WorkerSeed
{
    /// <summary>The seed of worker <paramref name="workerIndex"/> of workload <paramref name="workload"/>.</summary>
    public static int Derive(int runSeed, string workload, int workerIndex)
    {
        // FNV-1a over the name (string.GetHashCode is randomised per process), then SplitMix64 mixing.
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(workload))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }
        ulong x = hash ^ ((ulong)(uint)runSeed << 32) ^ (uint)workerIndex;
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (int)(x & 0x7FFFFFFF);
    }
}
