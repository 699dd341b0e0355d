using IsuBench.Bench.Commands;

namespace IsuBench.Tests.Bench.Commands;

public sealed class CommandLineTests
{
    private const string ValidMySql = "Server=127.0.0.1;Port=3307;User ID=isucon;Password=isucon;Database=isuketch";

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await BenchCommandLine.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task No_command_is_a_usage_error_that_points_to_help()
    {
        var (exitCode, _, error) = await Run();
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("isubench --help", error);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error_naming_it()
    {
        var (exitCode, _, error) = await Run("frobnicate");
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("frobnicate", error);
    }

    [Fact]
    public async Task Data_init_without_mysql_says_the_option_is_required()
    {
        var (exitCode, _, error) = await Run("data", "init");
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("--mysql", error);
        Assert.Contains("isubench data init --help", error);
    }

    [Theory]
    [InlineData("--rooms", "0", "--rooms must be between 1")]
    [InlineData("--rooms", "-5", "--rooms must be between 1")]
    [InlineData("--rooms", "many", "many")]
    [InlineData("--seed", "abc", "abc")]
    public async Task Data_init_rejects_bad_numbers(string option, string value, string expected)
    {
        var (exitCode, output, error) = await Run("data", "init", "--mysql", ValidMySql, option, value);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(expected, error);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("Nonsense Key=1;Database=x", "not a valid connection string")]
    [InlineData("Server=127.0.0.1;User ID=isucon", "must name a database")]
    public async Task Data_init_rejects_a_bad_connection_string_before_connecting(string mysql, string expected)
    {
        var (exitCode, _, error) = await Run("data", "init", "--mysql", mysql);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task Data_init_against_an_unreachable_server_is_an_environment_error_with_the_fix()
    {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        var (exitCode, _, error) = await Run("data", "init", "--mysql",
            "Server=127.0.0.1;Port=1;User ID=isucon;Password=isucon;Database=isuketch;Connection Timeout=5", "--rooms", "1");
        Assert.Equal(ExitCodes.EnvironmentMissing, exitCode);
        Assert.Contains("isubench db start", error);
    }

    [Theory]
    [InlineData("db", "start", "--port", "70000")]
    [InlineData("db", "start", "--port", "-1")]
    [InlineData("demo", "--port", "65536")]
    [InlineData("demo", "--rooms", "0")]
    [InlineData("demo", "--repeat", "0")]
    public async Task Out_of_range_ports_and_sizes_are_usage_errors(params string[] args)
    {
        var (exitCode, _, error) = await Run(args);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("must be between", error);
    }

    [Fact]
    public async Task Db_without_a_subcommand_is_a_usage_error()
    {
        var (exitCode, _, error) = await Run("db");
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Contains("isubench db --help", error);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_succeeds()
    {
        var (exitCode, output, _) = await Run("--help");
        Assert.Equal(ExitCodes.Pass, exitCode);
        Assert.Contains("data", output);
        Assert.Contains("db", output);
        Assert.Contains("demo", output);
    }

    [Fact]
    public async Task Db_stop_on_a_folder_without_a_server_says_so_and_succeeds()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"isubench-no-db-{Guid.NewGuid():N}");
        var (exitCode, output, _) = await Run("db", "stop", "--dir", directory);
        Assert.Equal(ExitCodes.Pass, exitCode);
        Assert.Contains("No MariaDB runs", output);
    }

    [Theory]
    [InlineData("--duration: 'abc' is not a whole number of seconds; give one from 1 to 3600.", "run", "--target", "http://127.0.0.1:1", "--duration", "abc")]
    [InlineData("--duration: 'abc' is not a whole number of seconds; give one from 1 to 3600.", "demo", "--duration", "abc")]
    [InlineData("--seed: '1.5' is not a whole number.", "run", "--target", "http://127.0.0.1:1", "--seed", "1.5")]
    [InlineData("--repeat: '99999999999' is not a whole number; give one from 1 to 100.", "demo", "--repeat", "99999999999")]
    [InlineData("--max-drop: 'ten' is not a number; give a fraction from 0 to 1, e.g. 0.10 for 10 %.", "demo", "--max-drop", "ten")]
    [InlineData("--confidence: 'high' is not a number; give a fraction strictly between 0 and 1, e.g. 0.95 for 95 %.", "gate", "--result", "r.json", "--confidence", "high")]
    public async Task A_value_that_is_not_a_number_is_refused_in_words(string expected, params string[] args)
    {
        var (exitCode, output, error) = await Run(args);
        Assert.Equal(ExitCodes.UsageError, exitCode);
        Assert.Equal($"error: {expected}", error.Split('\n')[0]);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("run", "--target", "http://127.0.0.1:1")]
    [InlineData("check", "--target", "http://127.0.0.1:1")]
    [InlineData("demo")]
    [InlineData("gate", "--result", "r.json")]
    [InlineData("data", "init", "--mysql", ValidMySql)]
    [InlineData("db", "start")]
    public async Task Every_numeric_option_names_itself_and_the_value_and_no_type_when_given_a_word(params string[] command)
    {
        var subcommand = BenchCommandLine.Build().Subcommands.Single(c => c.Name == command[0]);
        if (command[0] is "data" or "db") subcommand = subcommand.Subcommands.Single(c => c.Name == command[1]);
        var numeric = subcommand.Options.Where(o => o.ValueType == typeof(int) || o.ValueType == typeof(decimal) || o.ValueType == typeof(double)).ToList();
        Assert.NotEmpty(numeric);
        foreach (var option in numeric)
        {
            var (exitCode, _, error) = await Run([.. command, option.Name, "abc"]);
            Assert.Equal(ExitCodes.UsageError, exitCode);
            Assert.StartsWith($"error: {option.Name}: 'abc' is not a", error);
            Assert.DoesNotContain("System.", error);
        }
    }
}
