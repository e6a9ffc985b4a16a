using Pinger.Server.Configuration;
using Pinger.Server.Storage;

namespace Pinger.Server.Hosting;

/// <summary>Picks the back end the settings name.</summary>
public static class CounterStores
{
    /// <summary>An unopened store for <paramref name="settings"/>.</summary>
    public static ICounterStore Create(ServerSettings settings, string stateDirectory) => settings.Backend switch
    {
        StorageBackend.PostgreSql => throw new NotSupportedException("the postgresql back end is not available in this build; use storage.backend = \"sqlite\""),
        _ => SqliteCounterStore.InDirectory(stateDirectory),
    };
}
