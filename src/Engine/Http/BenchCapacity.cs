using System.Net.Sockets;

namespace IsuBench.Engine.Http;

/// <summary>Recognises failures that mean the bench ran out of sockets or files, which are not the server's fault.</summary>
public static class BenchCapacity
{
    private const int Enfile = 23;
    private const int Emfile = 24;

    /// <summary>True when <paramref name="exception"/> (or one it wraps) reports EMFILE/ENFILE or too many open sockets.</summary>
    public static bool IsExhausted(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket
                && (socket.SocketErrorCode == SocketError.TooManyOpenSockets || socket.NativeErrorCode is Emfile or Enfile))
            {
                return true;
            }
            if (current is IOException io && io.Message.Contains("Too many open files", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
