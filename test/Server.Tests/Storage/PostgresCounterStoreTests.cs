using Npgsql;
using Pinger.Server.Storage;
using Pinger.Server.Tests.Infrastructure;

namespace Pinger.Server.Tests.Storage;

[TestClass]
public sealed class PostgresCounterStoreTests : CounterStoreContract
{
    protected override string NewLocation() => PostgresCluster.Get().CreateDatabase();

    protected override ICounterStore CreateStore(string location) => new PostgresCounterStore(location);

    protected override long SchemaVersion(string location)
    {
        using var connection = new NpgsqlConnection(location);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT version FROM schema_version", connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
