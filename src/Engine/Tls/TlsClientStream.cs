using System.Buffers;

namespace IsuBench.Engine.Tls;

/// <summary>
/// A TLS 1.3 (RFC 8446) or TLS 1.2 (RFC 5246) client connection over a stream of its own, for the bench's requests to https
/// targets: the handshake the original benchmark's Go client made (X25519, AES-128-GCM, no session resumption, the server's
/// signature checked and its chain not), for a fraction of the CPU that the platform's TLS stack spends on one. Application data
/// only, async only; in TLS 1.3 a post-handshake NewSessionTicket is ignored and a KeyUpdate followed; in TLS 1.2 a HelloRequest
/// is ignored (no renegotiation, which RFC 5246 §7.4.1.1 allows: "This message MAY be ignored by the client").
/// </summary>
internal sealed class TlsClientStream : Stream
{
    private readonly Stream _inner;
    private readonly TlsRecordReader _records;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly bool _tls13;
    private byte[]? _readSecret;
    private byte[]? _writeSecret;
    private IRecordProtection _readKeys;
    private IRecordProtection _writeKeys;
    private int _plainOffset;
    private int _plainLength;
    private bool _ended;
    private int _disposed;

    private TlsClientStream(Stream inner, TlsRecordReader records, TlsHandshakeResult handshake)
    {
        _inner = inner;
        _records = records;
        _tls13 = handshake.Protocol == TlsHandshakeResult.Tls13;
        _writeSecret = handshake.ClientSecret;
        _readSecret = handshake.ServerSecret;
        _writeKeys = handshake.WriteKeys;
        _readKeys = handshake.ReadKeys;
        Protocol = handshake.Protocol;
        CipherSuite = handshake.CipherSuite;
    }

    /// <summary>The protocol the handshake chose: "TLS 1.3" or "TLS 1.2".</summary>
    public string Protocol { get; }

    /// <summary>The cipher suite the handshake chose, by its IANA name.</summary>
    public string CipherSuite { get; }

    /// <summary>
    /// Makes the handshake over <paramref name="inner"/> (which the returned stream owns, and which is disposed if the handshake
    /// fails) with <paramref name="serverName"/> sent as SNI when it is a host name.
    /// </summary>
    public static Task<TlsClientStream> ConnectAsync(Stream inner, string? serverName, CancellationToken cancellationToken) =>
        ConnectAsync(inner, serverName, fixedHello: null, cancellationToken);

    /// <summary>The same with a <paramref name="fixedHello"/> (null: a fresh one), for a recorded handshake to be replayed.</summary>
    internal static async Task<TlsClientStream> ConnectAsync(
        Stream inner, string? serverName, FixedClientHello? fixedHello, CancellationToken cancellationToken)
    {
        var records = new TlsRecordReader(inner);
        try
        {
            var handshake = await TlsClientHandshake.RunAsync(inner, records, serverName, cancellationToken, fixedHello);
            return new TlsClientStream(inner, records, handshake);
        }
        catch
        {
            records.Dispose();
            await inner.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        while (true)
        {
            if (_plainLength > 0)
            {
                // A zero-byte read (HttpClient's wait on an idle connection) returns once data is there, and takes none.
                if (buffer.IsEmpty) return 0;
                int count = Math.Min(buffer.Length, _plainLength);
                _records.Buffer.AsSpan(_plainOffset, count).CopyTo(buffer.Span);
                _plainOffset += count;
                _plainLength -= count;
                if (_plainLength == 0) _records.Release();
                return count;
            }
            if (_ended) return 0;
            if (buffer.IsEmpty && !_records.HasBuffered)
            {
                // Wait for the connection without holding a record buffer (an idle pooled connection holds none); what comes may
                // be a ticket rather than data, so the loop reads it before it answers.
                _ = await _inner.ReadAsync(Memory<byte>.Empty, cancellationToken);
            }
            var record = await _records.ReadAsync(cancellationToken);
            if (record is not { } held)
            {
                // The end without close_notify: as Go's client, a plain end of the stream (HTTP's framing tells truncation).
                _ended = true;
                return 0;
            }
            await OpenAsync(held, cancellationToken);
        }
    }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            while (!buffer.IsEmpty)
            {
                var chunk = buffer[..Math.Min(buffer.Length, TlsLimits.MaxPlaintext)];
                await WriteRecordAsync(TlsContentType.ApplicationData, chunk, cancellationToken);
                buffer = buffer[chunk.Length..];
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    /// <summary>Not supported: the bench reads and writes asynchronously only.</summary>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("TlsClientStream is async only");

    /// <summary>Not supported: the bench reads and writes asynchronously only.</summary>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("TlsClientStream is async only");

    /// <inheritdoc />
    public override void Flush() => _inner.Flush();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // The connection goes first, so that a read still pending on it ends before its buffer is let go.
            _inner.Dispose();
            _records.Dispose();
            _readKeys.Dispose();
            _writeKeys.Dispose();
        }
        base.Dispose(disposing);
    }

    // A protected record held by the reader: application data stays in the reader's buffer until read; alerts, post-handshake
    // messages and empty records are dealt with and let go.
    private async ValueTask OpenAsync(TlsRecord record, CancellationToken cancellationToken)
    {
        byte[] buffer = _records.Buffer;
        var (type, offset, length) = OpenHeld(record, buffer);
        if (type == TlsContentType.ApplicationData && length > 0)
        {
            _plainOffset = record.FragmentOffset + offset;
            _plainLength = length;
            return;
        }
        byte[] content = buffer.AsSpan(record.FragmentOffset + offset, length).ToArray();
        _records.Release();
        switch (type)
        {
            case TlsContentType.ApplicationData:
                return;
            case TlsContentType.Alert when TlsAlert.IsCloseNotify(content):
                _ended = true;
                return;
            case TlsContentType.Alert:
                throw TlsAlert.From(content);
            case TlsContentType.Handshake:
                await AfterHandshakeAsync(content, cancellationToken);
                return;
            default:
                throw new TlsException($"the server sent a protected record of type {type} after the handshake");
        }
    }

    private (byte Type, int Offset, int Length) OpenHeld(TlsRecord record, byte[] buffer)
    {
        try
        {
            return _readKeys.Open(buffer.AsSpan(record.Offset, TlsLimits.RecordHeader), buffer.AsSpan(record.FragmentOffset, record.Length));
        }
        catch
        {
            _records.Release();
            throw;
        }
    }

    // Post-handshake messages (§4.6), each whole in one record: tickets are ignored (nothing is resumed); a KeyUpdate moves the
    // server's keys on and, when it asks, ours too (§4.6.3). In TLS 1.2 only a HelloRequest may come, and is ignored.
    private async ValueTask AfterHandshakeAsync(byte[] content, CancellationToken cancellationToken)
    {
        var messages = new HandshakeMessages();
        messages.Add(content);
        while (messages.TryTake(out byte type, out var message))
        {
            if (!_tls13)
            {
                if (type == TlsContentType.Message.HelloRequest && HandshakeMessages.Body(message).IsEmpty) continue;
                throw new TlsException($"the server sent handshake message {type} after the TLS 1.2 handshake (unexpected_message)");
            }
            if (type == TlsContentType.Message.NewSessionTicket) continue;
            if (type != TlsContentType.Message.KeyUpdate) throw new TlsException($"the server sent handshake message {type} after the handshake (unexpected_message)");
            var body = HandshakeMessages.Body(message);
            if (body.Length != 1 || body[0] > 1) throw new TlsException("the server's KeyUpdate is malformed (decode_error)");
            bool requested = body[0] == 1;
            _readSecret = TlsKeySchedule.NextTrafficSecret(_readSecret!);
            _readKeys.Dispose();
            _readKeys = new RecordProtection(_readSecret);
            if (requested) await UpdateWriteKeysAsync(cancellationToken);
        }
        if (messages.HasPartial) throw new TlsException("a post-handshake message from the server spans records, which this client does not take");
    }

    private async ValueTask UpdateWriteKeysAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            byte[] keyUpdate = [TlsContentType.Message.KeyUpdate, 0, 0, 1, 0]; // update_not_requested
            await WriteRecordAsync(TlsContentType.Handshake, keyUpdate, cancellationToken);
            _writeSecret = TlsKeySchedule.NextTrafficSecret(_writeSecret!);
            _writeKeys.Dispose();
            _writeKeys = new RecordProtection(_writeSecret);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    // Under the write gate.
    private async ValueTask WriteRecordAsync(byte contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        byte[] record = ArrayPool<byte>.Shared.Rent(TlsLimits.RecordHeader + content.Length + _writeKeys.Overhead);
        try
        {
            int length = _writeKeys.Seal(contentType, content.Span, record);
            await _inner.WriteAsync(record.AsMemory(0, length), cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(record);
        }
    }
}
