using System.Buffers;

namespace IsuBench.Engine.Http;

/// <summary>Reads an HTTP/1.x response head from a connection the engine holds itself, into a pooled buffer returned at once.</summary>
internal static class ResponseHeadReader
{
    /// <summary>Largest response head accepted; a longer one is a malformed response, not unbounded buffering.</summary>
    public const int MaxHeadBytes = 64 * 1024;

    private const int FirstHeadBufferBytes = 4 * 1024;

    /// <summary>
    /// Reads with <paramref name="receive"/> until a final (non-1xx) head has arrived; returns it with the body bytes that came
    /// along, copied out exactly unless <paramref name="keepBody"/> is false (the caller drops the body: no copy per request).
    /// A malformed, oversized or cut head is an <see cref="HttpRequestException"/>.
    /// </summary>
    public static async Task<(ResponseHead Head, byte[]? Pending)> ReadAsync(
        Func<Memory<byte>, CancellationToken, ValueTask<int>> receive, CancellationToken cancellationToken, bool keepBody = true)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(FirstHeadBufferBytes);
        int filled = 0;
        try
        {
            while (true)
            {
                if (ResponseHeadParser.TryParse(buffer.AsSpan(0, filled), out int length) is { } head)
                {
                    buffer.AsSpan(length, filled - length).CopyTo(buffer);
                    filled -= length;
                    if (head.IsInterim)
                    {
                        continue; // e.g. 100 Continue or 103 Early Hints: the real response follows
                    }
                    return (head, keepBody && filled > 0 ? buffer.AsSpan(0, filled).ToArray() : null);
                }
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= MaxHeadBytes)
                    {
                        throw new HttpRequestException($"malformed response: head over {MaxHeadBytes / 1024} KB");
                    }
                    byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(2 * buffer.Length, MaxHeadBytes));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                int read = await receive(buffer.AsMemory(filled), cancellationToken);
                if (read == 0)
                {
                    throw new HttpRequestException(filled == 0
                        ? "the server closed the connection without a response"
                        : "the server closed the connection in the middle of the response head");
                }
                filled += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
