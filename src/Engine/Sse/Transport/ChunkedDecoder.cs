using IsuBench.Engine.Tls;

namespace IsuBench.Engine.Sse.Transport;

/// <summary>
/// Removes chunked transfer framing (RFC 9112 §7.1) from received bytes in place, keeping its state between calls so
/// that any split of the input gives the same data. It buffers nothing, so an endless size line or trailer cannot
/// grow memory; both are capped anyway so that such a server is reported. Bare LF is accepted where CRLF belongs.
/// </summary>
internal sealed class ChunkedDecoder
{
    /// <summary>Longest chunk extension or trailer section accepted.</summary>
    public const int MaxLineBytes = 16 * 1024;

    private enum State { Size, Extension, SizeLf, Data, DataCr, DataLf, TrailerLineStart, TrailerLine, TrailerEndLf, Done }

    private State _state = State.Size;
    private long _remaining;
    private int _sizeDigits;
    private int _lineBytes;
    // Bad framing found after some data of the same call: that data is returned first, the error on the next call.
    private IOException? _failure;

    /// <summary>True once the last (zero-size) chunk and the trailer have been read; later bytes are ignored.</summary>
    public bool IsDone => _state == State.Done;

    /// <summary>Rewrites <paramref name="bytes"/> so that it starts with the chunk data they held, and returns its length.</summary>
    public int Decode(Span<byte> bytes)
    {
        ThrowIfFailed();
        int write = 0;
        int read = 0;
        while (read < bytes.Length && _state != State.Done)
        {
            if (_state == State.Data)
            {
                int take = (int)Math.Min(_remaining, bytes.Length - read);
                bytes.Slice(read, take).CopyTo(bytes[write..]); // overlapping moves are safe: write <= read
                read += take;
                write += take;
                _remaining -= take;
                if (_remaining == 0)
                {
                    _state = State.DataCr;
                }
                continue;
            }
            try
            {
                Step(bytes[read++]);
            }
            catch (IOException failure) when (write > 0)
            {
                _failure = failure;
                return write;
            }
        }
        return write;
    }

    /// <summary>Throws the framing error found by the last <see cref="Decode"/>, which returned the data before it.</summary>
    public void ThrowIfFailed()
    {
        if (_failure is not null)
        {
            throw _failure;
        }
    }

    private void Step(byte b)
    {
        switch (_state)
        {
            case State.Size:
                if (HexValue(b) is int digit and >= 0)
                {
                    if (_remaining > (long.MaxValue >> 4))
                    {
                        throw Invalid("chunk size too large");
                    }
                    _remaining = (_remaining << 4) | (uint)digit;
                    _sizeDigits++;
                }
                else if (_sizeDigits == 0)
                {
                    throw Invalid($"expected a chunk size, got byte 0x{b:X2}");
                }
                else if (b is (byte)';' or (byte)' ' or (byte)'\t')
                {
                    _state = State.Extension;
                }
                else if (b == (byte)'\r')
                {
                    _state = State.SizeLf;
                }
                else if (b == (byte)'\n')
                {
                    EndSizeLine();
                }
                else
                {
                    throw Invalid($"unexpected byte 0x{b:X2} in a chunk size");
                }
                break;
            case State.Extension:
                if (b == (byte)'\r')
                {
                    _state = State.SizeLf;
                }
                else if (b == (byte)'\n')
                {
                    EndSizeLine();
                }
                else
                {
                    CountLineByte();
                }
                break;
            case State.SizeLf:
                Expect(b, (byte)'\n');
                EndSizeLine();
                break;
            case State.DataCr:
                if (b == (byte)'\n')
                {
                    StartSize();
                }
                else
                {
                    Expect(b, (byte)'\r');
                    _state = State.DataLf;
                }
                break;
            case State.DataLf:
                Expect(b, (byte)'\n');
                StartSize();
                break;
            case State.TrailerLineStart:
                if (b == (byte)'\r')
                {
                    _state = State.TrailerEndLf;
                }
                else if (b == (byte)'\n')
                {
                    _state = State.Done;
                }
                else
                {
                    CountLineByte();
                    _state = State.TrailerLine;
                }
                break;
            case State.TrailerLine:
                if (b == (byte)'\n')
                {
                    _state = State.TrailerLineStart;
                }
                else
                {
                    CountLineByte();
                }
                break;
            case State.TrailerEndLf:
                Expect(b, (byte)'\n');
                _state = State.Done;
                break;
        }
    }

    private void EndSizeLine()
    {
        _lineBytes = 0;
        _state = _remaining == 0 ? State.TrailerLineStart : State.Data;
    }

    private void StartSize()
    {
        _state = State.Size;
        _remaining = 0;
        _sizeDigits = 0;
    }

    private void CountLineByte()
    {
        if (++_lineBytes > MaxLineBytes)
        {
            throw Invalid($"chunk extension or trailer over {MaxLineBytes} bytes");
        }
    }

    private static void Expect(byte actual, byte expected)
    {
        if (actual != expected)
        {
            throw Invalid($"expected byte 0x{expected:X2}, got 0x{actual:X2}");
        }
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    // An IOException, like HttpClient's for bad framing: the stream is broken and the client reconnects.
    private static IOException Invalid(string message) => new($"invalid chunked body: {message}");
}
