using IsuBench.Bench.LocalStack;

namespace IsuBench.Tests.Bench.LocalStack;

/// <summary>The private mariadbd's table cache fits the open files it may have, so that it does not warn about max_open_files on the demo's terminal.</summary>
public sealed class MariaDbTableCacheTests
{
    // What mariadbd 10.11 asks for: 32 of its own, the connections (and one extra), two handles per cached table per instance.
    private static long Wanted(IReadOnlyList<string> options, int maxConnections)
    {
        long size = MariaDbTableCache.DefaultSize, instances = MariaDbTableCache.DefaultInstances;
        foreach (var option in options)
        {
            var (name, value) = (option[..option.IndexOf('=')], long.Parse(option[(option.IndexOf('=') + 1)..]));
            if (name == "--table-open-cache") size = value;
            else if (name == "--table-open-cache-instances") instances = value;
            else Assert.Fail($"unexpected option {option}");
        }
        return 32 + maxConnections + 1 + 2 * size * instances;
    }

    [Theory]
    [InlineData(20_000L)]   // this project's machine: mariadbd asked for 33,033 and warned
    [InlineData(8_192L)]
    [InlineData(4_096L)]
    [InlineData(1_500L)]
    public void Below_what_the_defaults_need_the_cache_shrinks_to_fit_the_limit(long limit)
    {
        var options = MariaDbTableCache.Options(limit, 1000);
        Assert.NotEmpty(options);
        Assert.InRange(Wanted(options, 1000), 0, limit);
    }

    [Fact]
    public void At_20000_files_it_asks_for_the_4_instances_mariadbd_would_settle_on()
    {
        Assert.Equal(["--table-open-cache-instances=4"], MariaDbTableCache.Options(20_000, 1000));
    }

    [Theory]
    [InlineData(1_048_576L)]
    [InlineData(null)]
    public void With_room_enough_or_no_limit_the_defaults_stay(long? limit)
    {
        Assert.Empty(MariaDbTableCache.Options(limit, 1000));
        Assert.Equal(33_033, Wanted([], 1000)); // the request mariadbd printed with the defaults
    }

    [Fact]
    public void When_the_connections_alone_do_not_fit_nothing_is_changed()
    {
        Assert.Empty(MariaDbTableCache.Options(1024, 1000));
    }

    [Fact]
    public void The_hard_limit_is_read_from_proc_limits()
    {
        const string limits = """
            Limit                     Soft Limit           Hard Limit           Units
            Max processes             63704                63704                processes
            Max open files            1024                 20000                files
            Max locked memory         8388608              8388608              bytes
            """;
        Assert.Equal(20_000, MariaDbTableCache.HardOpenFilesLimit(limits));
        Assert.Null(MariaDbTableCache.HardOpenFilesLimit(limits.Replace("20000  ", "unlimited", StringComparison.Ordinal)));
        Assert.Null(MariaDbTableCache.HardOpenFilesLimit("Limit  Soft Limit  Hard Limit  Units\n"));
        if (File.Exists("/proc/self/limits")) Assert.NotEqual(0, MariaDbTableCache.OpenFilesLimit() ?? -1);
    }
}
