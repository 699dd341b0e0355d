using Microsoft.Extensions.Logging;

namespace IsuBench.Integration.Bench;

/// <summary>Everything an in-process server logs at warning level or above, with its exception, kept for the test to read.</summary>
internal sealed class CapturedServerLog : ILoggerProvider
{
    private readonly List<string> _entries = [];

    /// <summary>The entries so far: message, then the exception's text.</summary>
    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_entries) return _entries.ToList();
        }
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Logger(CapturedServerLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            lock (log._entries) log._entries.Add($"{formatter(state, exception)}\n{exception}");
        }
    }
}
