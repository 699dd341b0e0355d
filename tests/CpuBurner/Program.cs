using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;

// IsuBench.CpuBurner --port N: on http://127.0.0.1:N/, GET /burn?ms=M spins until its thread has spent M ms of CPU
// (CLOCK_THREAD_CPUTIME_ID), one request at a time; GET /metrics answers process_cpu_seconds_total in the Prometheus
// text format (CLOCK_PROCESS_CPUTIME_ID). It stops when its standard input closes, so it dies with the test that started it.
int port = args.Length == 2 && args[0] == "--port" ? int.Parse(args[1], CultureInfo.InvariantCulture) : throw new ArgumentException("usage: --port N");
using var listener = new HttpListener();
listener.Prefixes.Add($"http://127.0.0.1:{port}/");
listener.Start();
_ = Task.Run(() =>
{
    Console.In.ReadToEnd();
    Environment.Exit(0);
});
Console.WriteLine("listening");
while (true)
{
    // Served on the main thread: a burn on a thread-pool worker would wake the pool's other workers to spin for work.
    var context = listener.GetContext();
    string body;
    if (context.Request.Url!.AbsolutePath == "/metrics")
    {
        body = "# TYPE process_cpu_seconds_total counter\n"
            + $"process_cpu_seconds_total {CpuClock.Seconds(CpuClock.Process).ToString("R", CultureInfo.InvariantCulture)}\n";
    }
    else
    {
        double ms = double.Parse(context.Request.QueryString["ms"] ?? "0", CultureInfo.InvariantCulture);
        double until = CpuClock.Seconds(CpuClock.Thread) + ms / 1000;
        while (CpuClock.Seconds(CpuClock.Thread) < until)
        {
        }
        body = "ok\n";
    }
    var bytes = Encoding.ASCII.GetBytes(body);
    context.Response.ContentType = "text/plain; version=0.0.4";
    context.Response.OutputStream.Write(bytes);
    context.Response.Close();
}

/// <summary>The CPU-time clocks of clock_gettime(2), in seconds.</summary>
internal static partial class CpuClock
{
    public const int Process = 2; // CLOCK_PROCESS_CPUTIME_ID
    public const int Thread = 3; // CLOCK_THREAD_CPUTIME_ID

    public static double Seconds(int clock)
    {
        if (clock_gettime(clock, out var time) != 0) throw new InvalidOperationException($"clock_gettime({clock}) failed");
        return time.Seconds + time.Nanoseconds / 1e9;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc")]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
