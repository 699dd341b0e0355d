using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using MySqlConnector;

namespace IsuBench.Reference.DataSet;

/// <summary>
/// Replaces the ISUketch tables with the generated initial data set, fast: each table (and slices of the big
/// <c>points</c> table) streams from the generator through a pipe into its own <c>LOAD DATA LOCAL INFILE</c>,
/// on its own connection, all at once. Never one INSERT per row.
/// </summary>
public sealed class DataSetLoader(DataSetGenerator generator, int pointSlices = 2)
{
    private long _rowsLoaded;

    /// <summary>Rows handed to the server so far (for progress display; read while loading).</summary>
    public long RowsLoaded => Interlocked.Read(ref _rowsLoaded);

    /// <summary>The rows the load will write.</summary>
    public DataSetCounts Expected => generator.Counts;

    /// <summary>Drops and recreates the tables, loads every row, and moves AUTO_INCREMENT past the data.</summary>
    public async Task<DataSetCounts> LoadAsync(string connectionString, CancellationToken cancellationToken)
    {
        // LOAD DATA LOCAL needs the client's consent as well as the server's local_infile=ON.
        connectionString = new MySqlConnectionStringBuilder(connectionString) { AllowLoadLocalInfile = true }.ConnectionString;
        await using (var connection = await OpenAsync(connectionString, cancellationToken))
        {
            await RequireLocalInfileAsync(connection, cancellationToken);
            await DataSetSchema.RecreateAsync(connection, cancellationToken);
        }

        // The first table to fail stops the others, and its error (not their cancellations) is the one reported.
        using (var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            await WhenAllOrFirstFailureAsync(StartTableLoads(connectionString, failed.Token), failed);

        await using (var connection = await OpenAsync(connectionString, cancellationToken))
        {
            await DataSetSchema.SetAutoIncrementAsync(connection, generator.Counts, cancellationToken);
            return await CountAsync(connection, cancellationToken);
        }
    }

    private List<Task> StartTableLoads(string connectionString, CancellationToken cancellationToken)
    {
        var loads = new List<Task>
        {
            LoadTableAsync(connectionString, "rooms", ["id", "name", "canvas_width", "canvas_height", "created_at"], generator.Rooms(),
                static (w, r) => { w.Field(r.Id); w.Field(r.Name); w.Field(r.CanvasWidth); w.Field(r.CanvasHeight); w.Field(r.CreatedAt); }, cancellationToken),
            LoadTableAsync(connectionString, "strokes", ["id", "room_id", "width", "red", "green", "blue", "alpha", "created_at"], generator.Strokes(),
                static (w, s) => { w.Field(s.Id); w.Field(s.RoomId); w.Field(s.Width); w.Field(s.Red); w.Field(s.Green); w.Field(s.Blue); w.Field(s.Alpha); w.Field(s.CreatedAt); }, cancellationToken),
            LoadTableAsync(connectionString, "tokens", ["id", "csrf_token", "created_at"], generator.Tokens(),
                static (w, t) => { w.Field(t.Id); w.Field(t.CsrfToken); w.Field(t.CreatedAt); }, cancellationToken),
            LoadTableAsync(connectionString, "room_watchers", ["room_id", "token_id", "created_at", "updated_at"], generator.RoomWatchers(),
                static (w, r) => { w.Field(r.RoomId); w.Field(r.TokenId); w.Field(r.CreatedAt); w.Field(r.UpdatedAt); }, cancellationToken),
            LoadTableAsync(connectionString, "room_owners", ["room_id", "token_id"], generator.RoomOwners(),
                static (w, r) => { w.Field(r.RoomId); w.Field(r.TokenId); }, cancellationToken),
        };
        var slices = Math.Clamp(pointSlices, 1, generator.RoomCount);
        for (var slice = 0; slice < slices; slice++)
        {
            var first = slice * generator.RoomCount / slices + 1;
            var last = (slice + 1) * generator.RoomCount / slices;
            loads.Add(LoadTableAsync(connectionString, "points", ["id", "stroke_id", "x", "y"], generator.Points(first, last),
                static (w, p) => { w.Field(p.Id); w.Field(p.StrokeId); w.Field(p.X); w.Field(p.Y); }, cancellationToken));
        }
        return loads;
    }

    /// <summary>The rows each ISUketch table holds now.</summary>
    public static async Task<DataSetCounts> CountAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = string.Join(" UNION ALL ", DataSetSchema.Tables.Select(t => $"SELECT COUNT(*) FROM {t}"));
        var counts = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) counts.Add(reader.GetInt64(0));
        return new DataSetCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    }

    // Loads run side by side (two into points), and InnoDB may pick one of them as a deadlock's victim: the statement is then
    // rolled back whole, and, as the server's message says, it is tried again; its rows counted so far are taken back.
    private async Task LoadTableAsync<T>(
        string connectionString, string table, string[] columns, IEnumerable<T> rows, Action<TsvRowWriter, T> writeRow,
        CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            var counted = new StrongBox<long>();
            try
            {
                await LoadTableOnceAsync(connectionString, table, columns, rows, writeRow, counted, cancellationToken);
                return;
            }
            catch (MySqlException deadlock) when (deadlock.ErrorCode == MySqlErrorCode.LockDeadlock && attempt < MaxDeadlockAttempts)
            {
                Interlocked.Add(ref _rowsLoaded, -counted.Value);
            }
        }
    }

    private const int MaxDeadlockAttempts = 3;

    private async Task LoadTableOnceAsync<T>(
        string connectionString, string table, string[] columns, IEnumerable<T> rows, Action<TsvRowWriter, T> writeRow,
        StrongBox<long> counted, CancellationToken cancellationToken)
    {
        // A bounded pipe: the generator runs ahead of the server by at most a few hundred KB.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
        var produce = Task.Run(async () =>
        {
            try
            {
                var writer = new TsvRowWriter(pipe.Writer);
                var pending = 0;
                foreach (var row in rows)
                {
                    writeRow(writer, row);
                    await writer.EndRowAsync(cancellationToken);
                    if (++pending == 4096)
                    {
                        Interlocked.Add(ref _rowsLoaded, pending);
                        counted.Value += pending;
                        pending = 0;
                    }
                }
                Interlocked.Add(ref _rowsLoaded, pending);
                counted.Value += pending;
                await pipe.Writer.CompleteAsync();
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e);
                throw;
            }
        }, cancellationToken);

        try
        {
            await using var connection = await OpenAsync(connectionString, cancellationToken);
            await using (var settings = connection.CreateCommand())
            {
                // Every row is new and the ids are distinct by construction: let InnoDB skip the uniqueness look-ups. A load
                // may wait for the other load into the same table; on a busy machine that took longer than InnoDB's default
                // 50 s, and the load failed with "Lock wait timeout exceeded": it waits as long as the load may take.
                settings.CommandText = "SET SESSION unique_checks = 0, SESSION foreign_key_checks = 0, SESSION innodb_lock_wait_timeout = 3600";
                await settings.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var source = pipe.Reader.AsStream();
            var loader = new MySqlBulkLoader(connection)
            {
                TableName = table,
                Local = true,
                SourceStream = source,
                CharacterSet = "utf8mb4",
                FieldTerminator = "\t",
                LineTerminator = "\n",
                Timeout = 0,
            };
            loader.Columns.AddRange(columns);
            await loader.LoadAsync(cancellationToken);
        }
        catch
        {
            // Unblock the producer if the server side failed first.
            await pipe.Reader.CompleteAsync();
            try { await produce; } catch (Exception) { /* the load's own error is the one to report */ }
            throw;
        }
        await produce;
    }

    private static async Task WhenAllOrFirstFailureAsync(List<Task> loads, CancellationTokenSource failed)
    {
        var pending = new List<Task>(loads);
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            if (done.IsFaulted) await failed.CancelAsync();
        }
        var errors = loads.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).ToList();
        var cause = errors.FirstOrDefault(e => e is not OperationCanceledException) ?? errors.FirstOrDefault();
        if (cause is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
        await Task.WhenAll(loads); // surfaces a cancellation asked for by the caller
    }

    private static async Task<MySqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task RequireLocalInfileAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT @@GLOBAL.local_infile";
        var value = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        if (value == 0)
            throw new DataSetLoadException(
                "the MySQL server refuses LOAD DATA LOCAL INFILE (local_infile=OFF). Start it with --local-infile=1, " +
                "or run as an administrator: SET GLOBAL local_infile = 1;");
    }
}
