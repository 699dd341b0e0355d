using System.Collections.Concurrent;
using IsuBench.Engine.Execution;

namespace IsuBench.Engine.Metrics;

/// <summary>
/// Thread-safe, de-duplicated error messages with counts and first-seen time. The number of distinct
/// messages is bounded so that a server producing endless unique messages cannot exhaust memory;
/// later distinct messages are only counted.
/// </summary>
public sealed class ErrorLedger
{
    /// <summary>The message that stands for every capacity problem of the bench.</summary>
    public const string CapacityMessage = "bench capacity reached";

    private readonly ConcurrentDictionary<(ErrorKind, string), Entry> _entries = new();
    private readonly IClock _clock;
    private readonly int _maxDistinct;
    private readonly long[] _totals = new long[Enum.GetValues<ErrorKind>().Length];
    private long _dropped;

    /// <summary>Creates a ledger keeping at most <paramref name="maxDistinct"/> distinct messages.</summary>
    public ErrorLedger(IClock clock, int maxDistinct = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDistinct, 1);
        _clock = clock;
        _maxDistinct = maxDistinct;
    }

    /// <summary>Records an ordinary error.</summary>
    public void Add(string message) => Add(ErrorKind.Ordinary, message);

    /// <summary>Records a critical error: the run fails.</summary>
    public void AddCritical(string message) => Add(ErrorKind.Critical, message);

    /// <summary>Records that the bench ran out of a resource; <paramref name="detail"/> says which.</summary>
    public void AddCapacity(string detail) => Add(ErrorKind.BenchCapacity, $"{CapacityMessage}: {detail}");

    /// <summary>Records one occurrence of a message of a kind.</summary>
    public void Add(ErrorKind kind, string message)
    {
        Interlocked.Increment(ref _totals[(int)kind]);
        BenchInstruments.Error(kind);
        var key = (kind, message);
        if (_entries.TryGetValue(key, out var existing))
        {
            Interlocked.Increment(ref existing.Count);
            return;
        }
        // The bound is approximate under races (a few over), which is enough to stay bounded.
        if (_entries.Count >= _maxDistinct)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }
        var entry = _entries.GetOrAdd(key, _ => new Entry(_clock.UtcNow));
        Interlocked.Increment(ref entry.Count);
    }

    /// <summary>Occurrences of one kind, counted even when the message itself was not kept.</summary>
    public long TotalOf(ErrorKind kind) => Interlocked.Read(ref _totals[(int)kind]);

    /// <summary>Occurrences of server errors (ordinary and critical).</summary>
    public long ServerErrors => TotalOf(ErrorKind.Ordinary) + TotalOf(ErrorKind.Critical);

    /// <summary>True when a critical error was recorded.</summary>
    public bool HasCritical => TotalOf(ErrorKind.Critical) > 0;

    /// <summary>Occurrences whose distinct message was not kept because of the bound.</summary>
    public long DroppedDistinct => Interlocked.Read(ref _dropped);

    /// <summary>Distinct messages sorted by kind (critical first), then message text.</summary>
    public IReadOnlyList<ErrorEntry> Snapshot() =>
        _entries
            .Select(pair => new ErrorEntry(pair.Key.Item1, pair.Key.Item2, Interlocked.Read(ref pair.Value.Count), pair.Value.FirstSeen))
            .OrderBy(entry => SortOrder(entry.Kind))
            .ThenBy(entry => entry.Message, StringComparer.Ordinal)
            .ToList();

    private static int SortOrder(ErrorKind kind) => kind switch
    {
        ErrorKind.Critical => 0,
        ErrorKind.Ordinary => 1,
        ErrorKind.Warning => 2,
        _ => 3,
    };

    private sealed class Entry(DateTimeOffset firstSeen)
    {
        public readonly DateTimeOffset FirstSeen = firstSeen;
        public long Count;
    }
}
