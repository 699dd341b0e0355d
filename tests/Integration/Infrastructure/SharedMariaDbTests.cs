using MySqlConnector;

namespace IsuBench.Integration.Infrastructure;

public sealed class SharedMariaDbTests
{
    [Fact]
    public async Task A_fresh_database_accepts_the_application_account()
    {
        var connectionString = await SharedMariaDb.CreateDatabaseAsync("smoke_test");
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT VERSION()";
        var version = (string?)await command.ExecuteScalarAsync();
        Assert.Contains("MariaDB", version);
    }
}
