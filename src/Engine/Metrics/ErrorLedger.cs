using System.Collections.Concurrent;
using IsuBench.Engine.Execution;

namespace IsuBench.Engine.Metrics;

/// <summary>
/// Thread-safe, de-duplicated error messages with counts and first-seen time. The number of distinct
/// messages is bounded so that a server producing endless unique messages cannot exhaust memory;
/// later distinct messages are only counted. The first messages seen (a smaller bound) are also tracked for the
/// errors over time (<see cref="Tracked"/>); every other occurrence counts as "other", so the tracked counts and
/// the other count always add up to every occurrence.
/// </summary>
public sealed class ErrorLedger
{
    /// <summary>The message that stands for every capacity problem of the bench.</summary>
    public const string CapacityMessage = "bench capacity reached";

    /// <summary>How many distinct messages a run tracks over time unless told otherwise.</summary>
    public const int DefaultMaxTracked = 20;

    private readonly ConcurrentDictionary<(ErrorKind, string), Entry> _entries = new();
    private readonly IClock _clock;
    private readonly int _maxDistinct;
    private readonly int _maxTracked;
    private readonly long[] _totals = new long[Enum.GetValues<ErrorKind>().Length];
    // Only new messages take the lock; a message seen before is counted without it.
    private readonly Lock _newEntry = new();
    private readonly List<Entry> _tracked = [];
    private long _dropped;
    private long _untracked;

    /// <summary>
    /// Creates a ledger keeping at most <paramref name="maxDistinct"/> distinct messages, the first
    /// <paramref name="maxTracked"/> of them tracked over time.
    /// </summary>
    public ErrorLedger(IClock clock, int maxDistinct = 1000, int maxTracked = DefaultMaxTracked)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDistinct, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTracked, 0);
        _clock = clock;
        _maxDistinct = maxDistinct;
        _maxTracked = Math.Min(maxTracked, maxDistinct);
    }

    /// <summary>At most this many distinct messages are tracked over time; the rest count as other.</summary>
    public int MaxTracked => _maxTracked;

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
        if (!_entries.TryGetValue(key, out var entry))
        {
            lock (_newEntry)
            {
                if (!_entries.TryGetValue(key, out entry))
                {
                    if (_entries.Count >= _maxDistinct)
                    {
                        Interlocked.Increment(ref _dropped);
                        Interlocked.Increment(ref _untracked);
                        return;
                    }
                    entry = new Entry(kind, message, _clock.UtcNow, _tracked.Count < _maxTracked);
                    if (entry.Tracked) _tracked.Add(entry);
                    _entries[key] = entry;
                }
            }
        }
        Interlocked.Increment(ref entry.Count);
        if (!entry.Tracked) Interlocked.Increment(ref _untracked);
    }

    /// <summary>
    /// The counts so far of the tracked messages, in the order they were first seen, and of every other occurrence
    /// (messages beyond the tracking bound, including those not kept at all).
    /// </summary>
    public TrackedErrorCounts Tracked()
    {
        List<Entry> tracked;
        lock (_newEntry)
        {
            tracked = _tracked.ToList();
        }
        return new TrackedErrorCounts(
            tracked.Select(e => new ErrorEntry(e.Kind, e.Message, Interlocked.Read(ref e.Count), e.FirstSeen)).ToList(),
            Interlocked.Read(ref _untracked));
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
        _entries.Values
            .Select(entry => new ErrorEntry(entry.Kind, entry.Message, Interlocked.Read(ref entry.Count), entry.FirstSeen))
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

    private sealed class Entry(ErrorKind kind, string message, DateTimeOffset firstSeen, bool tracked)
    {
        public readonly ErrorKind Kind = kind;
        public readonly string Message = message;
        public readonly DateTimeOffset FirstSeen = firstSeen;
        public readonly bool Tracked = tracked;
        public long Count;
    }
}
