using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace IsuBench.Bench.LocalStack;

/// <summary>
/// A MariaDB server of our own: Debian's mariadbd run as a plain child process on loopback, with its data
/// directory under a folder we choose. No system service, no Docker.
/// </summary>
public sealed class PrivateMariaDb : IAsyncDisposable
{
    /// <summary>The application account the reference server uses.</summary>
    public const string User = "isucon";
    /// <summary>The application account's password.</summary>
    public const string Password = "isucon";
    /// <summary>The application database.</summary>
    public const string Database = "isuketch";

    private static readonly string[] Packages = ["mariadb-server", "mariadb-client"];
    private const string PortFile = "mysqld.port";
    private const int MaxConnections = 1000;
    private readonly Process _process;

    private PrivateMariaDb(string directory, int port, Process process)
    {
        Directory = directory;
        Port = port;
        _process = process;
    }

    /// <summary>The folder holding data/, the socket, the pid file and the error log.</summary>
    public string Directory { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Connection string for the application account over TCP.</summary>
    public string ConnectionString => ConnectionStringFor(Port);

    /// <summary>Connection string for root over the unix socket (administration only).</summary>
    public string RootConnectionString => new MySqlConnectionStringBuilder
    {
        Server = Path.Combine(Directory, "mysql.sock"), ConnectionProtocol = MySqlConnectionProtocol.UnixSocket, UserID = "root",
    }.ConnectionString;

    /// <summary>
    /// Starts (initializing the data directory when new) and waits until it answers; port 0 picks a free one.
    /// A <paramref name="detached"/> server runs in a session of its own with no terminal, so it outlives this process
    /// (stop it with <see cref="StopRunningAsync"/>).
    /// </summary>
    public static async Task<PrivateMariaDb> StartAsync(string directory, int port, CancellationToken cancellationToken, bool detached = false)
    {
        var mariadbd = DebianPackages.Require("mariadbd", Packages);
        var installDb = DebianPackages.Require("mariadb-install-db", Packages);
        directory = Path.GetFullPath(directory);
        var dataDir = Path.Combine(directory, "data");
        System.IO.Directory.CreateDirectory(directory);
        if (RunningPid(directory) is { } running)
            throw new EnvironmentMissingException($"a MariaDB already runs on {directory} (pid {running}); stop it first: isubench db stop --dir {directory}");
        // A temp folder of its own: servers bootstrapping side by side in a shared /tmp were seen to lose each other's temp tables.
        var tmpDir = Path.Combine(directory, "tmp");
        System.IO.Directory.CreateDirectory(tmpDir);
        if (!System.IO.Directory.Exists(Path.Combine(dataDir, "mysql")))
            await InitializeAsync(installDb, dataDir, tmpDir, cancellationToken);
        if (port == 0) port = FreePort();

        var start = new ProcessStartInfo(mariadbd) { RedirectStandardOutput = false, RedirectStandardError = false };
        if (detached)
        {
            // exec keeps the pid; setsid leaves our session (no SIGHUP/SIGINT from our terminal); no inherited pipes keep callers waiting.
            start.FileName = "/bin/sh";
            foreach (var arg in new[] { "-c", "exec setsid \"$@\" </dev/null >/dev/null 2>&1", "sh", mariadbd })
                start.ArgumentList.Add(arg);
        }
        foreach (var arg in (string[])
                 [
                     "--no-defaults", $"--datadir={dataDir}", $"--tmpdir={tmpDir}", $"--socket={Path.Combine(directory, "mysql.sock")}",
                     $"--port={port}", "--bind-address=127.0.0.1", "--user=root",
                     $"--pid-file={PidFile(directory)}", $"--log-error={Path.Combine(directory, "mysqld.err")}",
                     "--skip-name-resolve", $"--max-connections={MaxConnections}", "--innodb-buffer-pool-size=1G",
                     "--innodb-flush-log-at-trx-commit=2", "--local-infile=1", "--character-set-server=utf8mb4",
                     .. MariaDbTableCache.Options(MariaDbTableCache.OpenFilesLimit(), MaxConnections),
                 ])
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new EnvironmentMissingException($"cannot start {mariadbd}");
        var db = new PrivateMariaDb(directory, port, process);
        try
        {
            await db.WaitUntilReadyAsync(cancellationToken);
            await db.CreateApplicationAccountAsync(cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory, PortFile), port.ToString(), cancellationToken);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server cleanly (SIGTERM lets InnoDB flush) and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await _process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { _process.Kill(); }
    }

    /// <summary>Where a server started on <paramref name="directory"/> writes its pid.</summary>
    public static string PidFile(string directory) => Path.Combine(Path.GetFullPath(directory), "mysqld.pid");

    /// <summary>The pid of a live server started on <paramref name="directory"/> (from its pid file), or null.</summary>
    public static int? RunningPid(string directory)
    {
        var pidFile = PidFile(directory);
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid)) return null;
        // A stale pid file (after a crash) may name a pid some other program got since.
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim() == "mariadbd" && ProcessLiveness.IsAlive(pid) ? pid : null; }
        catch (IOException) { return null; }
    }

    /// <summary>The port a server started on <paramref name="directory"/> was given, or null.</summary>
    public static int? RecordedPort(string directory)
    {
        var portFile = Path.Combine(Path.GetFullPath(directory), PortFile);
        return File.Exists(portFile) && int.TryParse(File.ReadAllText(portFile).Trim(), out var port) ? port : null;
    }

    /// <summary>The application connection string for a server on 127.0.0.1:<paramref name="port"/>.</summary>
    public static string ConnectionStringFor(int port) => new MySqlConnectionStringBuilder
    {
        Server = "127.0.0.1", Port = (uint)port, UserID = User, Password = Password, Database = Database,
        AllowLoadLocalInfile = true, MaximumPoolSize = 64,
    }.ConnectionString;

    /// <summary>
    /// Stops the server running on <paramref name="directory"/>, found by its pid file (SIGTERM, then SIGKILL after
    /// <paramref name="grace"/>); false when none runs.
    /// </summary>
    public static async Task<bool> StopRunningAsync(string directory, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (RunningPid(directory) is not { } pid) return false;
        using var process = Process.GetProcessById(pid);
        Process.Start("kill", ["-TERM", pid.ToString()])?.WaitForExit();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(grace);
        // Not our child: poll /proc rather than wait on an exit status we cannot reap.
        while (ProcessLiveness.IsAlive(pid))
        {
            try { await Task.Delay(100, timeout.Token); }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill();
                break;
            }
        }
        return true;
    }

    /// <summary>Stops the server at once, as a crash would (SIGKILL).</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill();
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private static async Task InitializeAsync(string installDb, string dataDir, string tmpDir, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(installDb) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--no-defaults", $"--datadir={dataDir}", $"--tmpdir={tmpDir}", "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new EnvironmentMissingException($"cannot start {installDb}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new EnvironmentMissingException($"mariadb-install-db failed (exit {process.ExitCode}): {await errors}{await output}");
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (_process.HasExited)
                throw new EnvironmentMissingException($"mariadbd exited with {_process.ExitCode}; see {Path.Combine(Directory, "mysqld.err")}:\n{ErrorLogTail()}");
            try
            {
                await using var connection = new MySqlConnection(RootConnectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (MySqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private async Task CreateApplicationAccountAsync(CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(RootConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE DATABASE IF NOT EXISTS {Database} DEFAULT CHARACTER SET utf8mb4;
            CREATE USER IF NOT EXISTS '{User}'@'127.0.0.1' IDENTIFIED BY '{Password}';
            CREATE USER IF NOT EXISTS '{User}'@'localhost' IDENTIFIED BY '{Password}';
            GRANT ALL ON {Database}.* TO '{User}'@'127.0.0.1';
            GRANT ALL ON {Database}.* TO '{User}'@'localhost';
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private string ErrorLogTail()
    {
        var log = Path.Combine(Directory, "mysqld.err");
        if (!File.Exists(log)) return "(no error log)";
        var text = File.ReadAllText(log);
        return text.Length <= 2000 ? text : text[^2000..];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
