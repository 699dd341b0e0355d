using System.CommandLine;
using MySqlConnector;

namespace IsuBench.Bench.Commands;

/// <summary>Options several commands share, with their validation (a bad value is a usage error, exit 2).</summary>
public static class CommandOptions
{
    /// <summary>An integer option that must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Option<int> Integer(string name, string description, int defaultValue, int min, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            int value;
            try { value = result.GetValueOrDefault<int>(); }
            catch (InvalidOperationException) { return; } // not a number: the parser reports that error itself
            if (value < min || value > max)
                result.AddError($"{name} must be between {min} and {max} (got {value}).");
        });
        return option;
    }

    /// <summary>A TCP port; 0 may mean "pick a free one" where <paramref name="allowZero"/>.</summary>
    public static Option<int> Port(string description, int defaultValue, bool allowZero) =>
        Integer("--port", description, defaultValue, allowZero ? 0 : 1, 65535);

    /// <summary>A required MySQL connection string, checked for syntax before anything runs.</summary>
    public static Option<string> MySql()
    {
        var option = new Option<string>("--mysql")
        {
            Description = "MySQL/MariaDB connection string, e.g. \"Server=127.0.0.1;Port=3307;User ID=isucon;Password=isucon;Database=isuketch\"",
            Required = true,
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            try
            {
                var builder = new MySqlConnectionStringBuilder(value);
                if (string.IsNullOrEmpty(builder.Database))
                    result.AddError("--mysql must name a database (Database=...).");
            }
            catch (ArgumentException e)
            {
                result.AddError($"--mysql is not a valid connection string: {e.Message}");
            }
        });
        return option;
    }

    /// <summary>A directory option with a default relative to the current directory.</summary>
    public static Option<string> Directory(string description, string defaultValue) =>
        new("--dir") { Description = description, DefaultValueFactory = _ => defaultValue };
}
