using Microsoft.Data.Sqlite;
using Pinger.Server.Storage;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Storage;

[TestClass]
public sealed class SqliteCounterStoreTests : CounterStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();
    private int _stores;

    public void Dispose() => _directory.Dispose();

    protected override string NewLocation() => Path.Combine(_directory.Path, "store-" + Interlocked.Increment(ref _stores));

    protected override ICounterStore CreateStore(string location) => SqliteCounterStore.InDirectory(location);

    protected override long SchemaVersion(string location)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(location, SqliteCounterStore.FileName)};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version";
        return (long)command.ExecuteScalar()!;
    }
}
