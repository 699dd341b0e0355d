using IsuBench.Integration.Infrastructure;
using IsuBench.Reference.DataSet;
using IsuBench.Reference.Hosting;
using Microsoft.AspNetCore.Builder;

namespace IsuBench.Integration.InitialCheck;

/// <summary>
/// The reference server (profile <see cref="Profile"/>) on 127.0.0.1 over a fresh database holding the full initial data set
/// (1000 rooms with strokes), as the initial check expects of any target. Loaded once per fixture.
/// </summary>
public class LoadedReference : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>The reference's store profile.</summary>
    protected virtual string Profile => ReferenceOptions.BaselineProfile;

    /// <summary>Where the reference listens.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var connectionString = await SharedMariaDb.CreateDatabaseAsync($"initial_check_{Profile}_{Guid.NewGuid():N}"[..40]);
        await new DataSetLoader(DataSetGenerator.WithIsuStrokes(42, 1000)).LoadAsync(connectionString, CancellationToken.None);
        _app = IsuketchApp.Build(["--urls", "http://127.0.0.1:0", "--mysql", connectionString, "--profile", Profile]);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
