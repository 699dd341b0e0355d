using IsuBench.Reference.Rendering;
using IsuBench.Reference.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IsuBench.Reference.Profiles.Tuned;

/// <summary>Registers the tuned profile: in-memory state over MariaDB as the source of truth, push SSE fan-out.</summary>
internal static class TunedProfile
{
    /// <summary>Adds the store, the feed, the heartbeat writer and the startup loading for <paramref name="connectionString"/>.</summary>
    public static IServiceCollection AddTunedProfile(this IServiceCollection services, string connectionString)
    {
        // Hosted services start in order: schema, then memory from it, then the heartbeat ticker.
        services.AddIsuketchStorage(connectionString);
        services.AddSingleton<TunedStateLoader>();
        services.AddHostedService(provider => provider.GetRequiredService<TunedStateLoader>());
        services.AddSingleton<RoomCache>();
        services.AddSingleton<TokenCache>();
        services.AddSingleton<StrokeStorage>();
        services.AddSingleton<TunedStore>();
        services.AddSingleton<IIsuketchStore>(provider => provider.GetRequiredService<TunedStore>());
        services.AddSingleton<WatcherHeartbeats>();
        services.AddHostedService(provider => provider.GetRequiredService<WatcherHeartbeats>());
        services.AddSingleton<IRoomFeed, PushRoomFeed>();
        services.AddSingleton<IRoomImages, CachedRoomImages>();
        return services;
    }
}
