using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace IsuBench.Reference.Storage;

/// <summary>Registers what every profile stores through: the clock, the MariaDB data source and the schema.</summary>
internal static class StorageRegistration
{
    /// <summary>
    /// Adds the microsecond clock, a data source for <paramref name="connectionString"/> and the schema initializer.
    /// Call it first: hosted services start in registration order, and a profile's own start-up reads the schema.
    /// </summary>
    public static IServiceCollection AddIsuketchStorage(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MicrosecondClock>();
        services.AddSingleton(_ => new MySqlDataSource(connectionString));
        services.AddHostedService<SchemaInitializer>();
        return services;
    }
}
