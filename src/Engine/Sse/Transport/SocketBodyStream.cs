using System.Net.Sockets;
using IsuBench.Engine.Http;
using IsuBench.Engine.Sse;

namespace IsuBench.Engine.Sse.Transport;

/// <summary>
/// A response body read straight from the socket into the caller's buffer, with the framing removed. Its only state is a
/// few fields and the body bytes that arrived with the head, so an idle stream costs little more than its socket.
/// </summary>
internal sealed class SocketBodyStream : ReadOnlyStream
{
    private readonly Socket _socket;
    private readonly BodyFraming _framing;
    private readonly ChunkedDecoder? _chunked;
    private byte[]? _pending;
    private int _pendingOffset;
    private long _remaining;
    private bool _done;

    /// <summary>Wraps <paramref name="socket"/> (owned from now on) whose head has been read; <paramref name="pending"/> holds body bytes read with it.</summary>
    public SocketBodyStream(Socket socket, ResponseHead head, byte[]? pending)
    {
        _socket = socket;
        _framing = head.Framing;
        _chunked = head.Framing == BodyFraming.Chunked ? new ChunkedDecoder() : null;
        _remaining = head.ContentLength;
        _done = head.Framing == BodyFraming.ContentLength && head.ContentLength == 0;
        _pending = pending is { Length: > 0 } ? pending : null;
    }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }
        while (!_done)
        {
            _chunked?.ThrowIfFailed(); // before waiting for more bytes that may never come
            if (_framing == BodyFraming.ContentLength && buffer.Length > _remaining)
            {
                buffer = buffer[..(int)_remaining]; // never read past the body
            }
            int read = _pending is not null ? TakePending(buffer.Span) : await ReceiveAsync(buffer, cancellationToken);
            if (read == 0)
            {
                if (_framing != BodyFraming.UntilClose)
                {
                    throw new IOException("the server closed the connection before the end of the body");
                }
                _done = true;
                return 0;
            }
            switch (_framing)
            {
                case BodyFraming.Chunked:
                    int kept = _chunked!.Decode(buffer.Span[..read]);
                    _done = _chunked.IsDone;
                    if (kept > 0)
                    {
                        return kept;
                    }
                    break; // only framing arrived: read on, an empty read would look like the end
                case BodyFraming.ContentLength:
                    _remaining -= read;
                    _done = _remaining == 0;
                    return read;
                default:
                    return read;
            }
        }
        return 0;
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("event streams are read asynchronously");

    private int TakePending(Span<byte> buffer)
    {
        var pending = _pending.AsSpan(_pendingOffset);
        int take = Math.Min(pending.Length, buffer.Length);
        pending[..take].CopyTo(buffer);
        _pendingOffset += take;
        if (_pendingOffset == _pending!.Length)
        {
            _pending = null;
        }
        return take;
    }

    private async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
        }
        catch (SocketException exception)
        {
            // Callers treat IOException as a broken connection, as they do for HttpClient's streams.
            throw new IOException(exception.Message, exception);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _socket.Dispose();
        }
        base.Dispose(disposing);
    }
}
