using Pinger.Server.Configuration;
using Pinger.Server.Storage;

namespace Pinger.Server.Hosting;

/// <summary>Picks the back end the settings name.</summary>
public static class CounterStores
{
    /// <summary>An unopened store for <paramref name="settings"/>.</summary>
    public static ICounterStore Create(ServerSettings settings, string stateDirectory) => settings.Backend switch
    {
        StorageBackend.PostgreSql => new PostgresCounterStore(settings.PostgreSqlConnection!),
        _ => SqliteCounterStore.InDirectory(stateDirectory),
    };
}
