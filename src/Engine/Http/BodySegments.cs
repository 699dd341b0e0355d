using System.Buffers;

namespace IsuBench.Engine.Http;

/// <summary>
/// A body of unknown length (chunked) read into pooled segments and copied once into an exact array at the end.
/// Unlike a buffer that doubles, it never copies what it already holds and never allocates on the large-object
/// heap while reading, so a server that sends bodies near or over the size cap costs no garbage beyond the result.
/// </summary>
internal sealed class BodySegments(int maxBytes) : IDisposable
{
    // 16 KB covers most small JSON bodies in one segment; later segments stay below the large-object threshold
    // (85,000 bytes), so even the pool's overflow is collected cheaply in generation 0.
    private const int FirstSegmentBytes = 16 * 1024;
    private const int LargestSegmentBytes = 64 * 1024;

    private readonly List<byte[]> _segments = [];
    private int _filledInLast;

    // long: a cap near int.MaxValue plus one more segment must not wrap around.
    private long _length;

    /// <summary>Free space to read into, taken from a new segment when the last one is full.</summary>
    public Memory<byte> FreeSpace()
    {
        if (_segments.Count == 0 || _filledInLast == _segments[^1].Length)
        {
            int size = Math.Min(FirstSegmentBytes << Math.Min(_segments.Count, 2), LargestSegmentBytes);
            _segments.Add(ArrayPool<byte>.Shared.Rent(size));
            _filledInLast = 0;
        }
        return _segments[^1].AsMemory(_filledInLast);
    }

    /// <summary>Counts <paramref name="count"/> bytes just read into <see cref="FreeSpace"/>; false once the body is over the cap.</summary>
    public bool Advance(int count)
    {
        _filledInLast += count;
        _length += count;
        return _length <= maxBytes;
    }

    /// <summary>The whole body as one array of its exact length; only for a body within the cap.</summary>
    public byte[] ToArray()
    {
        var body = new byte[checked((int)_length)];
        int offset = 0;
        for (int i = 0; i < _segments.Count; i++)
        {
            int count = i == _segments.Count - 1 ? _filledInLast : _segments[i].Length;
            _segments[i].AsSpan(0, count).CopyTo(body.AsSpan(offset));
            offset += count;
        }
        return body;
    }

    /// <summary>Gives every segment back to the pool.</summary>
    public void Dispose()
    {
        foreach (var segment in _segments)
        {
            ArrayPool<byte>.Shared.Return(segment);
        }
        _segments.Clear();
    }
}
