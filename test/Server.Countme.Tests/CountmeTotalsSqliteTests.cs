using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Pinger.Server.Countme.Tests;

[TestClass]
public sealed class CountmeTotalsSqliteTests
{
    // The table as mirrors-countme's SQLiteWriter creates it.
    private const string Schema =
        "CREATE TABLE countme_totals (hits INTEGER NOT NULL,weeknum TEXT NOT NULL,os_name TEXT NOT NULL,os_version TEXT NOT NULL,"
        + "os_variant TEXT NOT NULL,os_arch TEXT NOT NULL,sys_age TEXT NOT NULL,repo_tag TEXT NOT NULL,repo_arch TEXT NOT NULL);"
        + "CREATE INDEX weeknum_idx on countme_totals (weeknum);";

    [TestMethod]
    public void Reads_mirrors_countme_totals_with_weeknum_as_the_countme_week()
    {
        using var folder = new TempFolder();
        var path = Database(folder, Schema,
            "INSERT INTO countme_totals VALUES (3174,'2614','Fedora','33','workstation','x86_64','1','fedora-33','x86_64')",
            "INSERT INTO countme_totals VALUES (432,'2660','Fedora','32','container','x86_64','1','updates-released-f32','x86_64')",
            "INSERT INTO countme_totals VALUES (1,'2660','Fedora','33','','aarch64','2','fedora-33','aarch64')",
            "INSERT INTO countme_totals VALUES (2,'2660','Fedora','33','','aarch64','2','fedora-33','aarch64')");

        var result = CountmeTotalsReader.Read(path);

        Keys.AreEqual(new Dictionary<CountmeTotalsKey, long>
        {
            [Keys.Fedora33()] = 3174,
            [new(new DateOnly(2020, 12, 28), "Fedora", "32", "container", "x86_64", "1", "updates-released-f32", "x86_64")] = 432,
            [new(new DateOnly(2020, 12, 28), "Fedora", "33", "", "aarch64", "2", "fedora-33", "aarch64")] = 3,
        }, result.Totals);
        Assert.AreEqual((4L, 4L), (result.LinesRead, result.LinesCounted));
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), result.ContentSha256);
        Assert.AreEqual(result.ContentSha256, CountmeTotalsReader.Read(path).ContentSha256);
    }

    [TestMethod]
    public void A_database_and_the_csv_written_from_it_give_the_same_totals()
    {
        using var folder = new TempFolder();
        var database = CountmeTotalsReader.Read(Database(folder, Schema,
            "INSERT INTO countme_totals VALUES (9598,'2660','CentOS Linux','8','generic','x86_64','1','epel-modular-8','x86_64')",
            "INSERT INTO countme_totals VALUES (7,'2663','Fedora','33','workstation','x86_64','4','fedora-33','x86_64')"));
        var csv = new StringWriter();
        CountmeTotalsCsv.Write(csv, database.Totals.Select(t => (t.Key, t.Value)));

        var fromCsv = CountmeTotalsReader.Read(folder.Write("totals.csv", csv.ToString()));

        Keys.AreEqual(database.Totals, fromCsv.Totals);
        StringAssert.Contains(csv.ToString(), "2021-01-18,2021-01-24,7,Fedora,33,workstation,x86_64,4,fedora-33,x86_64\r\n");
    }

    [TestMethod]
    public void Nulls_from_an_older_writer_read_as_empty_fields()
    {
        using var folder = new TempFolder();
        var path = Database(folder,
            "CREATE TABLE countme_totals (hits INTEGER, weeknum TEXT, os_name TEXT, os_version TEXT, os_variant TEXT, os_arch TEXT, sys_age TEXT, repo_tag TEXT, repo_arch TEXT)",
            "INSERT INTO countme_totals VALUES (5, 2614, 'Fedora', '33', 'workstation', 'x86_64', 1, NULL, NULL)");

        var result = CountmeTotalsReader.Read(path);

        Keys.AreEqual(new Dictionary<CountmeTotalsKey, long> { [Keys.Fedora33(repo: "", arch: "")] = 5 }, result.Totals);
    }

    [TestMethod]
    [DataRow("INSERT INTO countme_totals VALUES (1,'week','Fedora','33','workstation','x86_64','1','fedora-33','x86_64')", "countme_totals row 2: weeknum is not a countme week number")]
    [DataRow("INSERT INTO countme_totals VALUES (-3,'2614','Fedora','33','workstation','x86_64','1','fedora-33','x86_64')", "countme_totals row 2: hits is not a non-negative integer")]
    [DataRow("INSERT INTO countme_totals VALUES (1,'2614','Fedora','33','workstation','x86_64','young','fedora-33','x86_64')", "countme_totals row 2: sys_age is not an integer")]
    [DataRow("INSERT INTO countme_totals VALUES (1,'99999999','Fedora','33','workstation','x86_64','1','fedora-33','x86_64')", "countme_totals row 2: weeknum is not a countme week number")]
    public void A_bad_row_is_refused_naming_the_file_and_row(string insert, string message)
    {
        using var folder = new TempFolder();
        var path = Database(folder, Schema,
            "INSERT INTO countme_totals VALUES (1,'2614','Fedora','33','workstation','x86_64','1','fedora-33','x86_64')", insert);

        var error = Assert.ThrowsExactly<FormatException>(() => CountmeTotalsReader.Read(path));

        Assert.AreEqual(path + ": " + message, error.Message);
    }

    [TestMethod]
    public void A_database_without_the_totals_table_or_its_columns_is_refused()
    {
        using var folder = new TempFolder();
        var empty = Database(folder, "CREATE TABLE countme_raw (timestamp INTEGER)");
        var narrow = Database(folder, "CREATE TABLE countme_totals (hits INTEGER, weeknum TEXT, os_name TEXT)");

        Assert.AreEqual(empty + ": no countme_totals table",
            Assert.ThrowsExactly<FormatException>(() => CountmeTotalsReader.Read(empty)).Message);
        Assert.AreEqual(narrow + ": countme_totals lacks column(s) os_version, os_variant, os_arch, sys_age, repo_tag, repo_arch",
            Assert.ThrowsExactly<FormatException>(() => CountmeTotalsReader.Read(narrow)).Message);
    }

    [TestMethod]
    public void A_view_over_an_endless_query_is_refused_without_running_it()
    {
        using var folder = new TempFolder();
        var path = Database(folder,
            "CREATE VIEW countme_totals AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
            + "SELECT i AS rowid, 1 AS hits, '2614' AS weeknum, 'Fedora' AS os_name, '33' AS os_version, 'workstation' AS os_variant, "
            + "'x86_64' AS os_arch, 1 AS sys_age, 'fedora-33' AS repo_tag, 'x86_64' AS repo_arch FROM n");

        var error = Assert.ThrowsExactly<FormatException>(() => CountmeTotalsReader.Read(path));

        Assert.AreEqual(path + ": countme_totals is a view, not a table; only a plain table is read", error.Message);
    }

    [TestMethod]
    public void A_generated_column_is_refused()
    {
        using var folder = new TempFolder();
        var path = Database(folder,
            "CREATE TABLE countme_totals (hits INTEGER, weeknum TEXT, os_name TEXT, os_version TEXT, os_variant TEXT, os_arch TEXT, "
            + "sys_age AS (hits * 1), repo_tag TEXT, repo_arch TEXT)",
            "INSERT INTO countme_totals (hits, weeknum, os_name, os_version, os_variant, os_arch, repo_tag, repo_arch) "
            + "VALUES (1, '2614', 'Fedora', '33', 'workstation', 'x86_64', 'fedora-33', 'x86_64')");

        var error = Assert.ThrowsExactly<FormatException>(() => CountmeTotalsReader.Read(path));

        Assert.AreEqual(path + ": countme_totals has a generated column; only stored columns are read", error.Message);
    }

    [TestMethod]
    public void A_large_real_table_is_read_whole_within_the_work_bound()
    {
        // More rows than the fixed minimum budget covers: the bound grows with the file, so real data is never cut short.
        using var folder = new TempFolder();
        var path = Database(folder, Schema,
            "INSERT INTO countme_totals VALUES (1,'2614','Fedora','33','workstation','x86_64','1','fedora-33','x86_64')");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) "
                + "INSERT INTO countme_totals SELECT 1, '2614', 'Fedora', '33', 'workstation', 'x86_64', '1', 'fedora-33', 'x86_64' FROM n";
            command.ExecuteNonQuery();
        }

        var result = CountmeTotalsReader.Read(path);

        Assert.AreEqual(1_000_001, result.LinesRead, "every row is read");
    }

    [TestMethod]
    public void A_damaged_database_is_refused_naming_it()
    {
        using var folder = new TempFolder();
        var bytes = File.ReadAllBytes(Database(folder, Schema,
            "INSERT INTO countme_totals VALUES (1,'2614','Fedora','33','workstation','x86_64','1','fedora-33','x86_64')"));
        var path = folder.WriteBytes("damaged.sqlite", bytes[..100]);

        var error = Assert.ThrowsExactly<FormatException>(() => CountmeTotalsReader.Read(path));

        StringAssert.StartsWith(error.Message, path + ": not a readable countme totals database: ");
    }

    private static string Database(TempFolder folder, params string[] statements)
    {
        var path = Path.Combine(folder.Root, $"totals-{Guid.NewGuid():N}.sqlite");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
        return path;
    }
}
