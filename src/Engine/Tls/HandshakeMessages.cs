namespace IsuBench.Engine.Tls;

/// <summary>
/// Gathers handshake bytes from records and cuts them into messages (RFC 8446 §4: a one-byte type and a three-byte length);
/// a message may span records, and a record may hold several. No message over <see cref="TlsLimits.MaxHandshakeMessage"/>.
/// </summary>
internal sealed class HandshakeMessages
{
    private const int HeaderLength = 4;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    /// <summary>Whether bytes of an unfinished message are waiting (none may be when the keys change, §5.1).</summary>
    public bool HasPartial => _end > _start;

    /// <summary>Adds the content of a handshake record.</summary>
    public void Add(ReadOnlySpan<byte> content)
    {
        if (_end + content.Length > _buffer.Length)
        {
            int pending = _end - _start;
            if (pending + content.Length > TlsLimits.MaxHandshakeMessage + HeaderLength)
                throw new TlsException($"the server's handshake message is over the limit of {TlsLimits.MaxHandshakeMessage} bytes");
            var grown = pending + content.Length > _buffer.Length ? new byte[Math.Max(_buffer.Length * 2, pending + content.Length)] : _buffer;
            Buffer.BlockCopy(_buffer, _start, grown, 0, pending);
            _buffer = grown;
            _start = 0;
            _end = pending;
        }
        content.CopyTo(_buffer.AsSpan(_end));
        _end += content.Length;
    }

    /// <summary>The next whole message (header included, as the transcript hashes it), or false while it is incomplete.</summary>
    public bool TryTake(out byte type, out ReadOnlyMemory<byte> message)
    {
        type = 0;
        message = default;
        if (_end - _start < HeaderLength) return false;
        int length = (_buffer[_start + 1] << 16) | (_buffer[_start + 2] << 8) | _buffer[_start + 3];
        if (length > TlsLimits.MaxHandshakeMessage)
            throw new TlsException($"the server announced a handshake message of {length} bytes, over the limit of {TlsLimits.MaxHandshakeMessage}");
        if (_end - _start < HeaderLength + length) return false;
        type = _buffer[_start];
        message = _buffer.AsMemory(_start, HeaderLength + length);
        _start += HeaderLength + length;
        if (_start == _end) _start = _end = 0;
        return true;
    }

    /// <summary>The body of a message taken by <see cref="TryTake"/>.</summary>
    public static ReadOnlySpan<byte> Body(ReadOnlyMemory<byte> message) => message.Span[HeaderLength..];
}
