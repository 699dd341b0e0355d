using System.Buffers;
using System.Buffers.Binary;

namespace IsuBench.Engine.Tls;

/// <summary>
/// Reads whole TLS records from the connection into one pooled buffer of a record's greatest size, reading ahead as much as the
/// connection has. The buffer goes back to the pool whenever nothing is left in it, so an idle connection (a watcher between
/// events) holds none.
/// </summary>
internal sealed class TlsRecordReader(Stream inner) : IDisposable
{
    private const int BufferSize = TlsLimits.RecordHeader + TlsLimits.MaxCiphertext;

    private byte[]? _buffer;
    private int _start;
    private int _end;
    private int _held;
    // 0 idle, 1 reading from the connection, 2 disposed: a buffer that a read may still be filling never goes back to the pool.
    private int _state;

    /// <summary>Whether bytes read ahead from the connection wait in the buffer.</summary>
    public bool HasBuffered => _end > _start;

    /// <summary>The buffer the last record was read into; valid until <see cref="Release"/>.</summary>
    public byte[] Buffer => _buffer ?? throw new InvalidOperationException("no record is held");

    /// <summary>
    /// Reads the next record and holds it: the header at <c>Offset</c>, the fragment after it. Returns null at the end of the
    /// connection between records; the end in the middle of one is an error.
    /// </summary>
    public async ValueTask<TlsRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        if (_held > 0) throw new InvalidOperationException("the last record was not released");
        if (!await FillAsync(TlsLimits.RecordHeader, cancellationToken)) return null;
        var header = _buffer.AsSpan(_start, TlsLimits.RecordHeader);
        byte type = header[0];
        int length = BinaryPrimitives.ReadUInt16BigEndian(header[3..]);
        if (type is < TlsContentType.ChangeCipherSpec or > TlsContentType.ApplicationData)
            throw new TlsException($"the server sent a record of unknown type {type} (not TLS?)");
        if (length > TlsLimits.MaxCiphertext)
            throw new TlsException($"the server sent a record of {length} bytes, over the limit of {TlsLimits.MaxCiphertext} (record_overflow)");
        if (!await FillAsync(TlsLimits.RecordHeader + length, cancellationToken))
            throw new TlsException("the connection ended in the middle of a TLS record", connectionEnded: true);
        var record = new TlsRecord(type, _start, length);
        _held = TlsLimits.RecordHeader + length;
        return record;
    }

    /// <summary>Lets go of the held record; its bytes may be overwritten from now on.</summary>
    public void Release()
    {
        _start += _held;
        _held = 0;
        if (_start == _end)
        {
            _start = _end = 0;
            // Exchanged, so that a Dispose on another thread and this never both return it.
            if (Interlocked.Exchange(ref _buffer, null) is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _state, Disposed) == Idle && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const int Idle = 0;
    private const int Reading = 1;
    private const int Disposed = 2;

    // Makes at least `count` bytes available from _start; false when the connection ends before any byte of them came.
    private async ValueTask<bool> FillAsync(int count, CancellationToken cancellationToken)
    {
        _buffer ??= ArrayPool<byte>.Shared.Rent(BufferSize);
        if (_start + count > _buffer.Length)
        {
            System.Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        while (_end - _start < count)
        {
            int read;
            if (Interlocked.CompareExchange(ref _state, Reading, Idle) != Idle) throw new ObjectDisposedException(nameof(TlsRecordReader));
            try
            {
                read = await inner.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            }
            finally
            {
                if (Interlocked.CompareExchange(ref _state, Idle, Reading) != Reading) _buffer = null;
            }
            ObjectDisposedException.ThrowIf(_buffer is null, this);
            if (read == 0)
            {
                if (_end - _start == 0) return false;
                throw new TlsException("the connection ended in the middle of a TLS record", connectionEnded: true);
            }
            _end += read;
        }
        return true;
    }
}

/// <summary>A record held by <see cref="TlsRecordReader"/>: its type and where its header starts; the fragment follows the header.</summary>
internal readonly record struct TlsRecord(byte Type, int Offset, int Length)
{
    /// <summary>Where the fragment starts.</summary>
    public int FragmentOffset => Offset + TlsLimits.RecordHeader;
}
