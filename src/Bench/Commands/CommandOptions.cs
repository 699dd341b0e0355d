using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using MySqlConnector;

namespace IsuBench.Bench.Commands;

/// <summary>Options several commands share, with their validation (a bad value is a usage error, exit 2).</summary>
internal static class CommandOptions
{
    /// <summary>
    /// An integer option that must lie in [<paramref name="min"/>, <paramref name="max"/>]; a value that is not a whole
    /// number is refused in words (of <paramref name="unit"/>, e.g. seconds), not with the parser's name of the type.
    /// </summary>
    public static Option<int> Integer(string name, string description, int defaultValue, int min, int max, string? unit = null)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        string range = min == int.MinValue && max == int.MaxValue ? "" : $"; give one from {min} to {max}";
        option.CustomParser = result =>
        {
            string text = Token(result);
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)) return value;
            result.AddError($"{name}: '{text}' is not a whole number{(unit is null ? "" : $" of {unit}")}{range}.");
            return default;
        };
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

    /// <summary>
    /// A number option parsed with the invariant culture (0.10, not 0,10); one that is not a number is refused in words,
    /// with <paramref name="hint"/> saying what to give.
    /// </summary>
    public static Option<T> Number<T>(string name, string hint) where T : struct, INumber<T>
    {
        var option = new Option<T>(name);
        option.CustomParser = result =>
        {
            string text = Token(result);
            if (T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out T value)) return value;
            result.AddError($"{name}: '{text}' is not a number; {hint}.");
            return default;
        };
        return option;
    }

    // The option's value as typed (one token: these options take one value).
    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";

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
