using System.IO.Pipes;
using IsuBench.Bench.Processes;

namespace IsuBench.Tests.Bench.Processes;

public sealed class ParentLifelineTests
{
    [Fact]
    public async Task What_the_parent_writes_is_ignored_and_the_end_of_the_pipe_stops_the_segment()
    {
        using var writer = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, writer.ClientSafePipeHandle);
        using var stop = new CancellationTokenSource();
        var stopped = new TaskCompletionSource();
        stop.Token.Register(() => stopped.TrySetResult());

        ParentLifeline.Watch(reader, stop);
        await writer.WriteAsync(new byte[1000]);
        await writer.FlushAsync();
        await Task.Delay(50);
        Assert.False(stop.IsCancellationRequested);

        writer.Dispose();
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(stop.IsCancellationRequested);
    }
}
