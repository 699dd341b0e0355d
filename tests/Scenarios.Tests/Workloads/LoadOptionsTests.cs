using IsuBench.Scenarios.Workloads;

namespace IsuBench.Tests.Scenarios.Workloads;

public sealed class LoadOptionsTests
{
    [Fact]
    public void The_defaults_are_the_original_benchmarks_numbers()
    {
        var options = new LoadOptions();
        options.Validate();
        Assert.Equal(TimeSpan.FromSeconds(60), options.Duration);
        Assert.Equal(TimeSpan.FromSeconds(55), options.MatsuriDuration);
        Assert.Equal((10, 10, 2), (options.MatsuriInstances, options.LoadIndexPageWorkers, options.DrawOnRandomRoomWorkers));
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), 10, 10 * 1024),
            (options.MatsuriStrokePause, options.WaveInterval, options.InitialWaveSize, options.MaxWatchersPerInstance));
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)), (options.DeliveryScoreWindow, options.MaxDeliveryDelay));
        Assert.Equal((3, 6, 20), (options.IndexPageLoads, options.ImageConcurrency, options.DrawRoomFirstPosition));
        Assert.Equal((TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500)),
            (options.LoadIndexPagePause, options.LoadIndexPagePauseAfterFailure, options.DrawOnRandomRoomPause));
        Assert.True(options.CompatRetry); // the original waited 1 s whatever retry the server sent
        Assert.Equal(TimeSpan.Zero, (options with { Duration = TimeSpan.FromSeconds(4) }).MatsuriDuration);
    }

    [Fact]
    public void Unusable_values_are_refused_by_name()
    {
        Assert.Equal("WaveInterval", Assert.Throws<ArgumentOutOfRangeException>(() => new LoadOptions { WaveInterval = TimeSpan.Zero }.Validate()).ParamName);
        Assert.Equal("Duration", Assert.Throws<ArgumentOutOfRangeException>(() => new LoadOptions { Duration = TimeSpan.Zero }.Validate()).ParamName);
        Assert.Equal("ImageConcurrency", Assert.Throws<ArgumentOutOfRangeException>(() => new LoadOptions { ImageConcurrency = 0 }.Validate()).ParamName);
        Assert.Equal("MatsuriInstances", Assert.Throws<ArgumentOutOfRangeException>(() => new LoadOptions { MatsuriInstances = -1 }.Validate()).ParamName);
        Assert.Equal("DrawRoomFirstPosition", Assert.Throws<ArgumentOutOfRangeException>(() => new LoadOptions { DrawRoomFirstPosition = 100 }.Validate()).ParamName);
    }
}
