namespace IsuBench.Reference.Storage;

/// <summary>
/// The application's clock for stored timestamps: UTC truncated to microseconds (DATETIME(6)), so what the API
/// returns equals what the row holds. The database's NOW() is not used: its time zone is not ours to rely on.
/// </summary>
internal sealed class MicrosecondClock(TimeProvider timeProvider)
{
    /// <summary>Now, in UTC, with microsecond precision.</summary>
    public DateTime UtcNow()
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc);
    }
}
