using System.Net.Sockets;
using IsuBench.Engine.Http;

namespace IsuBench.Tests.Scenarios.Engine;

public sealed class BenchCapacityTests
{
    [Fact]
    public void Running_out_of_sockets_or_files_is_recognised_through_wrappers()
    {
        Assert.True(BenchCapacity.IsExhausted(new HttpRequestException("send", new SocketException((int)SocketError.TooManyOpenSockets))));
        Assert.True(BenchCapacity.IsExhausted(new IOException("x", new IOException("Too many open files"))));
    }

    [Fact]
    public void Ordinary_network_failures_are_not_capacity()
    {
        Assert.False(BenchCapacity.IsExhausted(new HttpRequestException("send", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(BenchCapacity.IsExhausted(new IOException("Connection reset by peer")));
    }
}
