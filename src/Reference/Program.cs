using IsuBench.Reference.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using MySqlConnector;

// isuketch: the ISUketch reference server. Exit codes: 0 stopped, 1 could not start (database), 2 bad options.
// --help and --version are answered before the server is built: neither needs a database.
if (IsuketchUsage.AnswerFor(args) is { } answer)
{
    Console.Write(answer);
    return 0;
}
try
{
    var app = IsuketchApp.Build(args);
    await app.StartAsync();
    var options = app.Services.GetRequiredService<ReferenceOptions>();
    Console.WriteLine($"isuketch ({options.Profile}) listening on {string.Join(", ", app.Urls)}");
    await app.WaitForShutdownAsync();
    return 0;
}
catch (StartupException e)
{
    Console.Error.WriteLine($"isuketch: {e.Message}");
    return 2;
}
catch (MySqlException e)
{
    Console.Error.WriteLine($"isuketch: cannot use the database: {e.Message}");
    return 1;
}
catch (IOException e)
{
    // Kestrel reports an address in use or not available this way.
    Console.Error.WriteLine($"isuketch: cannot listen: {e.Message}");
    return 1;
}
