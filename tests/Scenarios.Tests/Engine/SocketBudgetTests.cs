using System.Net.Sockets;
using IsuBench.Engine.Http;

namespace IsuBench.Tests.Scenarios.Engine;

/// <summary>The bench's bound on its open sockets: a reserve below the descriptor limit, places taken and given back once.</summary>
public sealed class SocketBudgetTests
{
    [Theory]
    [InlineData(20_000, 19_000)]
    [InlineData(1_024, 768)]
    [InlineData(100, 0)]
    [InlineData(long.MaxValue, int.MaxValue)]
    public void The_capacity_keeps_a_twentieth_of_the_limit_and_at_least_256_descriptors_back(long openFiles, int capacity) =>
        Assert.Equal(capacity, SocketBudget.CapacityFor(openFiles));

    [Fact]
    public void The_process_budget_comes_from_its_own_limit()
    {
        var soft = File.ReadLines("/proc/self/limits").Single(l => l.StartsWith("Max open files", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
        Assert.Equal(SocketBudget.CapacityFor(long.Parse(soft)), SocketBudget.Process.Capacity);
    }

    [Fact]
    public void Places_run_out_at_the_capacity_and_come_back_when_released()
    {
        var budget = new SocketBudget(2);
        Assert.True(budget.TryTake());
        Assert.True(budget.TryTake());
        Assert.False(budget.TryTake());
        Assert.Equal(2, budget.Open);
        budget.Release();
        Assert.True(budget.TryTake());
    }

    [Fact]
    public void A_socket_past_the_budget_fails_as_the_bench_running_out_and_a_disposed_one_gives_its_place_back_once()
    {
        var budget = new SocketBudget(1);
        var socket = BudgetedSocket.Open(AddressFamily.InterNetwork, budget);
        Assert.True(socket.NoDelay);

        var refused = Assert.Throws<SocketException>(() => BudgetedSocket.Open(AddressFamily.InterNetwork, budget));
        Assert.True(BenchCapacity.IsExhausted(new HttpRequestException("connect failed", refused)));
        Assert.Equal(1, budget.Open);

        socket.Dispose();
        socket.Dispose();
        Assert.Equal(0, budget.Open);
        BudgetedSocket.Open(AddressFamily.InterNetwork, budget).Dispose();
        Assert.Equal(0, budget.Open);
    }

    [Fact]
    public void Raising_the_open_files_limit_never_lowers_it_and_reports_the_limit_in_force()
    {
        long before = OpenFilesLimit.Current();

        long raised = OpenFilesLimit.Raise();

        Assert.True(raised >= before, $"{raised} < {before}");
        Assert.Equal(OpenFilesLimit.Current(), raised);
        Assert.True(SocketBudget.CapacityFor(raised) < raised);
    }
}
