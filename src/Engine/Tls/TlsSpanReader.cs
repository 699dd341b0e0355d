using System.Buffers.Binary;

namespace IsuBench.Engine.Tls;

/// <summary>Reads the big-endian integers and length-prefixed vectors of TLS's presentation language (RFC 8446 §3); an overrun is a decode_error.</summary>
internal ref struct TlsSpanReader(ReadOnlySpan<byte> data, string what)
{
    private ReadOnlySpan<byte> _rest = data;

    /// <summary>Whether everything was read.</summary>
    public readonly bool IsEmpty => _rest.IsEmpty;

    /// <summary>A uint8.</summary>
    public byte ReadUInt8() => Take(1)[0];

    /// <summary>A uint16.</summary>
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    /// <summary>A uint24.</summary>
    public int ReadUInt24()
    {
        var bytes = Take(3);
        return (bytes[0] << 16) | (bytes[1] << 8) | bytes[2];
    }

    /// <summary>Exactly <paramref name="count"/> bytes.</summary>
    public ReadOnlySpan<byte> Take(int count)
    {
        if (count > _rest.Length) throw new TlsException($"the server's {what} is malformed (decode_error)");
        var taken = _rest[..count];
        _rest = _rest[count..];
        return taken;
    }

    /// <summary>A vector with a one-byte length.</summary>
    public ReadOnlySpan<byte> ReadVector8() => Take(ReadUInt8());

    /// <summary>A vector with a two-byte length.</summary>
    public ReadOnlySpan<byte> ReadVector16() => Take(ReadUInt16());

    /// <summary>A vector with a three-byte length.</summary>
    public ReadOnlySpan<byte> ReadVector24() => Take(ReadUInt24());

    /// <summary>Throws unless everything was read.</summary>
    public readonly void ExpectEnd()
    {
        if (!_rest.IsEmpty) throw new TlsException($"the server's {what} has {_rest.Length} bytes too many (decode_error)");
    }
}
