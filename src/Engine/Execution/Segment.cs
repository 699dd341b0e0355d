using System.Globalization;

namespace IsuBench.Engine.Execution;

/// <summary>
/// One of <see cref="Count"/> disjoint shares of a run's plan (<c>run --segment I/N</c>): each workload's workers are dealt to
/// the segments in an order drawn from the run seed, so the segments together start every worker once, each with the seed it
/// has in one process (<see cref="WorkerSeed"/>). <see cref="Whole"/> is the whole plan.
/// </summary>
public readonly record struct Segment
{
    /// <summary>The segment <paramref name="index"/> of <paramref name="count"/>; throws <see cref="ArgumentOutOfRangeException"/> unless 1 ≤ index ≤ count.</summary>
    public Segment(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(index, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>The whole plan: segment 1 of 1.</summary>
    public static Segment Whole { get; } = new(1, 1);

    /// <summary>Which share, from 1.</summary>
    public int Index { get; }

    /// <summary>How many shares the run has.</summary>
    public int Count { get; }

    /// <summary>True for the whole plan.</summary>
    public bool IsWhole => Count == 1;

    /// <summary>True for the segment that runs the initial check (the first).</summary>
    public bool RunsInitialCheck => Index == 1;

    /// <summary>Reads <c>I/N</c>; null (with <paramref name="error"/>) when it is not two integers with 1 ≤ I ≤ N.</summary>
    public static Segment? Parse(string text, out string? error)
    {
        error = null;
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            error = $"--segment takes I/N (e.g. 2/3), not '{text}'";
            return null;
        }
        if (count < 1 || index < 1 || index > count)
        {
            error = $"--segment {text}: I must be between 1 and N, and N at least 1";
            return null;
        }
        return new Segment(index, count);
    }

    /// <summary>
    /// True when worker <paramref name="workerIndex"/> of <paramref name="workload"/> (of <paramref name="workers"/>) belongs to this
    /// segment under <paramref name="runSeed"/>: the workers are shuffled by the seed and dealt round-robin, starting at a
    /// segment drawn from the seed too, so that workloads of one worker do not all land on segment 1.
    /// </summary>
    public bool Owns(int runSeed, string workload, int workerIndex, int workers)
    {
        if (IsWhole) return true;
        return SegmentOf(runSeed, workload, workerIndex, workers, Count) == Index;
    }

    /// <summary>The segment (from 1) that runs worker <paramref name="workerIndex"/> of <paramref name="workload"/> when a run is split in <paramref name="count"/>.</summary>
    public static int SegmentOf(int runSeed, string workload, int workerIndex, int workers, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workerIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(workerIndex, workers);
        int shuffleSeed = WorkerSeed.Derive(runSeed, "segment:" + workload, -1);
        var order = Enumerable.Range(0, workers).ToArray();
        new Random(shuffleSeed).Shuffle(order);
        int position = Array.IndexOf(order, workerIndex);
        int offset = shuffleSeed % count;
        return (position + offset) % count + 1;
    }

    /// <summary>The text <c>I/N</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
