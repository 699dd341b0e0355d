using IsuBench.Reference.Rendering;
using IsuBench.Reference.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IsuBench.Reference.Profiles.Baseline;

/// <summary>Registers the baseline profile: MariaDB through MySqlConnector and Dapper, polling SSE feed.</summary>
internal static class BaselineProfile
{
    /// <summary>Adds the store, the feed and the schema initializer for <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddBaselineProfile(this IServiceCollection services, string connectionString)
    {
        services.AddIsuketchStorage(connectionString);
        services.AddSingleton<BaselineStore>();
        services.AddSingleton<IIsuketchStore>(provider => provider.GetRequiredService<BaselineStore>());
        services.AddSingleton<IRoomFeed, PollingRoomFeed>();
        services.AddSingleton<IRoomImages, RenderedRoomImages>();
        return services;
    }
}
