namespace IsuBench.Bench.LocalStack;

/// <summary>
/// The table cache the private mariadbd gets, sized to the open files this process may have. mariadbd wants about
/// max_connections + 2 × table_open_cache × table_open_cache_instances file handles (33,033 with its defaults and 1000
/// connections); when its hard limit is lower it prints "Could not increase number of max_open_files ..." on the
/// terminal and lowers the instances itself. Asking for the instances it would settle on gives the same server, quietly.
/// </summary>
internal static class MariaDbTableCache
{
    /// <summary>mariadbd's default table_open_cache.</summary>
    public const int DefaultSize = 2000;

    /// <summary>mariadbd's default table_open_cache_instances.</summary>
    public const int DefaultInstances = 8;

    // The handles mariadbd keeps for itself beyond connections and tables (32 in 10.11), with room to spare.
    private const int OwnFiles = 64;

    /// <summary>
    /// The mariadbd options for <paramref name="maxConnections"/> within <paramref name="openFilesLimit"/> (the hard
    /// limit; null when unlimited or unknown): none when the defaults fit, else fewer instances, else (below 4,000 or so
    /// handles) one instance of a smaller cache. Nothing helps when the connections alone do not fit; mariadbd then
    /// warns, rightly.
    /// </summary>
    public static IReadOnlyList<string> Options(long? openFilesLimit, int maxConnections)
    {
        if (openFilesLimit is not { } limit) return [];
        long forTables = limit - maxConnections - OwnFiles;
        if (forTables >= 2L * DefaultSize * DefaultInstances) return [];
        if (forTables >= 2L * DefaultSize) return [$"--table-open-cache-instances={forTables / (2 * DefaultSize)}"];
        if (forTables >= 2 * 64) return ["--table-open-cache-instances=1", $"--table-open-cache={forTables / 2}"];
        return [];
    }

    /// <summary>The hard limit on open files of this process (from /proc/self/limits), or null when unlimited or unknown.</summary>
    public static long? OpenFilesLimit()
    {
        try
        {
            return HardOpenFilesLimit(File.ReadAllText("/proc/self/limits"));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The hard limit of the "Max open files" line of a /proc/&lt;pid&gt;/limits text, or null when unlimited or absent.</summary>
    public static long? HardOpenFilesLimit(string limits)
    {
        foreach (var line in limits.Split('\n'))
        {
            if (!line.StartsWith("Max open files", StringComparison.Ordinal)) continue;
            var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return fields.Length >= 2 && long.TryParse(fields[1], out long hard) ? hard : null;
        }
        return null;
    }
}
