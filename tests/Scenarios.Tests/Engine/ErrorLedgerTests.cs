using IsuBench.Engine.Http;
using IsuBench.Engine.Metrics;
using IsuBench.Tests.Scenarios.Infrastructure;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class ErrorLedgerTests
{
    [Fact]
    public void Duplicates_are_counted_once_with_their_first_seen_time()
    {
        var clock = new FakeClock();
        var ledger = new ErrorLedger(clock);
        var first = clock.UtcNow;
        ledger.Add("b: timeout");
        clock.Advance(TimeSpan.FromSeconds(3));
        ledger.Add("b: timeout");
        ledger.Add("a: bad status");

        var entries = ledger.Snapshot();

        Assert.Equal(2, entries.Count);
        Assert.Equal(new ErrorEntry(ErrorKind.Ordinary, "a: bad status", 1, first + TimeSpan.FromSeconds(3)), entries[0]);
        Assert.Equal(new ErrorEntry(ErrorKind.Ordinary, "b: timeout", 2, first), entries[1]);
    }

    [Fact]
    public void Critical_messages_sort_first_and_fail_the_run_while_capacity_does_not_count_as_server_error()
    {
        var ledger = new ErrorLedger(new FakeClock());
        ledger.Add("z ordinary");
        ledger.AddCapacity("out of sockets");
        Assert.False(ledger.HasCritical);
        ledger.AddCritical("y critical");

        var entries = ledger.Snapshot();

        Assert.True(ledger.HasCritical);
        Assert.Equal([ErrorKind.Critical, ErrorKind.Ordinary, ErrorKind.BenchCapacity], entries.Select(e => e.Kind));
        Assert.Equal("bench capacity reached: out of sockets", entries[2].Message);
        Assert.Equal(2, ledger.ServerErrors);
        Assert.Equal(1, ledger.TotalOf(ErrorKind.BenchCapacity));
    }

    [Fact]
    public void The_number_of_distinct_messages_is_bounded_but_every_occurrence_is_counted()
    {
        var ledger = new ErrorLedger(new FakeClock(), maxDistinct: 10);
        for (int i = 0; i < 1000; i++)
        {
            ledger.Add($"unique {i}");
        }
        ledger.Add("unique 3");

        Assert.Equal(10, ledger.Snapshot().Count);
        Assert.Equal(2, ledger.Snapshot().Single(e => e.Message == "unique 3").Count);
        Assert.Equal(1001, ledger.TotalOf(ErrorKind.Ordinary));
        Assert.Equal(990, ledger.DroppedDistinct);
    }

    [Fact]
    public void The_first_messages_seen_are_tracked_and_every_other_occurrence_counts_as_other()
    {
        var ledger = new ErrorLedger(new FakeClock(), maxDistinct: 5, maxTracked: 2);
        ledger.Add("a");
        ledger.AddCapacity("sockets");
        ledger.Add("a");
        ledger.Add("c");            // kept, not tracked
        ledger.Add("c");
        for (int i = 0; i < 10; i++)
        {
            ledger.Add($"unique {i}"); // two kept, eight beyond the ledger's bound
        }

        var tracked = ledger.Tracked();

        Assert.Equal(2, ledger.MaxTracked);
        Assert.Equal([(ErrorKind.Ordinary, "a", 2L), (ErrorKind.BenchCapacity, "bench capacity reached: sockets", 1L)],
            tracked.Messages.Select(m => (m.Kind, m.Message, m.Count)));
        Assert.Equal(12, tracked.Other);
        Assert.Equal(8, ledger.DroppedDistinct);
        Assert.Equal(5, ledger.Snapshot().Count);
    }

    [Fact]
    public void Tracked_and_other_counts_add_up_to_every_occurrence_under_concurrent_adds()
    {
        var ledger = new ErrorLedger(new FakeClock(), maxDistinct: 50, maxTracked: 3);
        Parallel.For(0, 8, worker =>
        {
            for (int i = 0; i < 5000; i++)
            {
                ledger.Add($"message {i % 10}");
            }
        });

        var tracked = ledger.Tracked();

        Assert.Equal(3, tracked.Messages.Count);
        Assert.All(tracked.Messages, m => Assert.Equal(4000, m.Count));
        Assert.Equal(40_000 - 3 * 4000, tracked.Other);
        Assert.Equal(10, ledger.Snapshot().Count);
        Assert.Equal(40_000, ledger.TotalOf(ErrorKind.Ordinary));
    }
}
