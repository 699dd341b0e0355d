using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IsuBench.Integration.Infrastructure;

/// <summary>
/// A real TLS terminator on 127.0.0.1, as a contestant's front would be: Debian's nginx with a configuration of its own (its
/// prefix, temporary folders and log in a temporary folder, one process, no daemon) proxying to an http upstream, or
/// <c>openssl s_server -www</c>. Both with a self-signed RSA-2048 certificate, as Debian's snakeoil. Stopped when disposed.
/// </summary>
internal sealed class TlsFront : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private TlsFront(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Origin = $"https://127.0.0.1:{port}";
    }

    /// <summary>The https origin.</summary>
    public string Origin { get; }

    /// <summary>
    /// nginx terminating TLS with <paramref name="protocols"/> (<c>ssl_protocols</c>) and, when given, only
    /// <paramref name="ciphers"/> (<c>ssl_ciphers</c>, OpenSSL's names) for <paramref name="upstream"/>.
    /// </summary>
    public static async Task<TlsFront> NginxAsync(string protocols, Uri upstream, string? ciphers = null)
    {
        string directory = Directory.CreateTempSubdirectory("isubench-nginx-").FullName;
        WriteCertificate(directory);
        int port = FreePort();
        // SSE through a proxy: HTTP/1.1 upstream, no buffering, no read timeout within a run.
        string configuration = $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 4096; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                upstream reference { server {{upstream.Authority}}; keepalive 32; }
                server {
                    listen 127.0.0.1:{{port}} ssl;
                    ssl_certificate {{directory}}/cert.pem;
                    ssl_certificate_key {{directory}}/key.pem;
                    ssl_protocols {{protocols}};
                    {{(ciphers is null ? "" : $"ssl_ciphers {ciphers};")}}
                    location / {
                        proxy_pass http://reference;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $http_host;
                        proxy_buffering off;
                        proxy_read_timeout 3600s;
                    }
                }
            }
            """;
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), configuration);
        string[] arguments = ["-p", directory, "-c", Path.Combine(directory, "nginx.conf"), "-e", Path.Combine(directory, "error.log")];
        return await StartAsync("nginx", arguments, directory, port);
    }

    /// <summary>
    /// <c>openssl s_server -www</c> (a status page for every GET) with the given protocol flag, e.g. "-tls1_2", and, when given,
    /// only the key exchange <paramref name="groups"/> (<c>-groups</c>, e.g. "P-256").
    /// </summary>
    public static async Task<TlsFront> OpenSslServerAsync(string protocolFlag, string? groups = null)
    {
        string directory = Directory.CreateTempSubdirectory("isubench-s-server-").FullName;
        WriteCertificate(directory);
        int port = FreePort();
        string[] arguments =
        [
            "s_server", "-quiet", "-www", "-accept", $"127.0.0.1:{port}", "-cert", Path.Combine(directory, "cert.pem"),
            "-key", Path.Combine(directory, "key.pem"), protocolFlag, .. groups is null ? Array.Empty<string>() : ["-groups", groups],
        ];
        return await StartAsync("openssl", arguments, directory, port);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static async Task<TlsFront> StartAsync(string program, string[] arguments, string directory, int port)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var front = new TlsFront(process, directory, port);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                string logFile = Path.Combine(directory, "error.log");
                string log = File.Exists(logFile) ? await File.ReadAllTextAsync(logFile) : "";
                await front.DisposeAsync();
                throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await error}{log}");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return front;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
        }
    }

    private static void WriteCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(directory, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
