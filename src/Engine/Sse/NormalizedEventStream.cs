namespace IsuBench.Engine.Sse;

/// <summary>
/// A read-only pass-through stream for <c>text/event-stream</c> bodies that rewrites CR and CRLF line
/// ends to LF and fails once one event (everything between two blank lines) exceeds a size limit.
/// Rewriting matters because a parser seeing a lone CR at the end of what has arrived waits for the
/// next byte (it might be CRLF), so an event ended by CR on a quiet stream would never be dispatched.
/// The limit keeps the parser from buffering without bound.
/// </summary>
internal sealed class NormalizedEventStream(Stream inner, int maxEventBytes) : ReadOnlyStream
{
    private int _eventBytes;
    private int _lineBytes;
    private bool _afterCr;

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            int read = await inner.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return 0;
            }
            int kept = Rewrite(buffer.Span[..read]);
            if (kept > 0)
            {
                return kept; // a read that only held the LF of a CRLF must not look like the end of the stream
            }
        }
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count)
    {
        while (true)
        {
            int read = inner.Read(buffer, offset, count);
            if (read == 0)
            {
                return 0;
            }
            int kept = Rewrite(buffer.AsSpan(offset, read));
            if (kept > 0)
            {
                return kept;
            }
        }
    }

    /// <summary>Rewrites line ends in place and returns how many bytes remain.</summary>
    private int Rewrite(Span<byte> bytes)
    {
        int write = 0;
        foreach (byte b in bytes)
        {
            if (b == (byte)'\n')
            {
                if (_afterCr)
                {
                    _afterCr = false; // the LF of a CRLF: already emitted as LF
                    continue;
                }
                EndLine();
                bytes[write++] = (byte)'\n';
            }
            else if (b == (byte)'\r')
            {
                EndLine();
                _afterCr = true;
                bytes[write++] = (byte)'\n';
            }
            else
            {
                _afterCr = false;
                _lineBytes++;
                if (++_eventBytes > maxEventBytes)
                {
                    throw new EventTooLargeException(maxEventBytes);
                }
                bytes[write++] = b;
            }
        }
        return write;
    }

    private void EndLine()
    {
        if (_lineBytes == 0)
        {
            _eventBytes = 0; // a blank line ends the event
        }
        _lineBytes = 0;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
