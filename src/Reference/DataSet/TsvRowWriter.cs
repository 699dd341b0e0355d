using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace IsuBench.Reference.DataSet;

/// <summary>
/// Writes rows in the text format of <c>LOAD DATA</c> (tab between fields, newline after each row, UTF-8) straight
/// into a pipe, formatting numbers and timestamps without allocating.
/// </summary>
internal sealed class TsvRowWriter(PipeWriter writer)
{
    private const int FlushEvery = 64 * 1024;
    private bool _rowStarted;
    private int _unflushed;

    /// <summary>Appends an integer field.</summary>
    public void Field(long value)
    {
        var span = Begin(24);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        Advance(written);
    }

    /// <summary>Appends a decimal field (invariant culture, as many digits as the value has).</summary>
    public void Field(decimal value)
    {
        var span = Begin(32);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        Advance(written);
    }

    /// <summary>Appends a DATETIME(6) field.</summary>
    public void Field(DateTime value)
    {
        var span = Begin(32);
        value.TryFormat(span, out var written, "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        Advance(written);
    }

    /// <summary>Appends a text field; the data set's texts hold no tab, newline or backslash, which this checks.</summary>
    public void Field(string value)
    {
        if (value.AsSpan().IndexOfAny('\t', '\n', '\\') >= 0)
            throw new ArgumentException($"'{value}' holds a character LOAD DATA would need escaped", nameof(value));
        var span = Begin(Encoding.UTF8.GetMaxByteCount(value.Length));
        Advance(Encoding.UTF8.GetBytes(value, span));
    }

    /// <summary>Ends the row; flushes to the reader now and then so the loader never waits long and memory stays bounded.</summary>
    public async ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        writer.GetSpan(1)[0] = (byte)'\n';
        writer.Advance(1);
        _rowStarted = false;
        if (++_unflushed < FlushEvery / 32) return;
        _unflushed = 0;
        var result = await writer.FlushAsync(cancellationToken);
        if (result.IsCompleted) throw new OperationCanceledException("the loader stopped reading");
    }

    private Span<byte> Begin(int maxBytes)
    {
        var span = writer.GetSpan(maxBytes + 1);
        if (!_rowStarted)
        {
            _rowStarted = true;
            return span;
        }
        span[0] = (byte)'\t';
        writer.Advance(1);
        return writer.GetSpan(maxBytes);
    }

    private void Advance(int written) => writer.Advance(written);
}
