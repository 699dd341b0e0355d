using System.Collections.Concurrent;

namespace IsuBench.Engine.Http;

/// <summary>
/// What a run's TLS connections went through, origin by origin: the stack that serves it now, its last protocol and cipher suite,
/// why, and how many connections each stack made. Written by the connections as they are made; read by the reports at the end.
/// </summary>
public sealed class TlsOrigins
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every https origin the run connected to, in origin order.</summary>
    public IReadOnlyList<TlsOriginUse> Snapshot() =>
        [.. _entries.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Value.Read(entry.Key))];

    /// <summary>Whether <paramref name="origin"/> is served by the platform's stack (the own client was refused there).</summary>
    internal bool ServedByPlatform(string origin) => _entries.TryGetValue(origin, out var entry) && entry.Platform;

    /// <summary>A connection the own client made.</summary>
    internal void Own(string origin, string protocol, string cipherSuite, string reason) =>
        Of(origin).Served(platform: false, protocol, cipherSuite, reason, warning: null);

    /// <summary>A connection the platform's stack made; a null <paramref name="reason"/> keeps the one the origin has.</summary>
    internal void Platform(string origin, string protocol, string cipherSuite, string? reason, string? warning) =>
        Of(origin).Served(platform: true, protocol, cipherSuite, reason, warning);

    /// <summary>A handshake that could not be made by the only stack allowed (<c>--tls own</c>).</summary>
    internal void Refused(string origin, string reason) => Of(origin).Refused(reason);

    private Entry Of(string origin) => _entries.GetOrAdd(origin, static _ => new Entry());

    private sealed class Entry
    {
        private readonly Lock _gate = new();
        private bool _platform;
        private string? _protocol;
        private string? _cipherSuite;
        private string _reason = "";
        private string? _warning;
        private long _own;
        private long _platformCount;

        public bool Platform
        {
            get { lock (_gate) return _platform; }
        }

        public void Served(bool platform, string protocol, string cipherSuite, string? reason, string? warning)
        {
            lock (_gate)
            {
                _platform = platform;
                (_protocol, _cipherSuite, _reason) = (protocol, cipherSuite, reason ?? _reason);
                _warning ??= warning;
                if (platform) _platformCount++;
                else _own++;
            }
        }

        public void Refused(string reason)
        {
            lock (_gate)
            {
                // A refusal after handshakes that succeeded keeps what served; the reason says what went wrong since.
                _reason = reason;
            }
        }

        public TlsOriginUse Read(string origin)
        {
            lock (_gate)
            {
                return new TlsOriginUse(origin, _platform ? TlsOriginUse.PlatformStack : TlsOriginUse.OwnStack, _protocol, _cipherSuite,
                    _reason, _warning, _own, _platformCount);
            }
        }
    }
}
