namespace IsuBench.Engine.Tls;

/// <summary>Alerts (RFC 8446 §6): close_notify ends a connection in order; every other alert is an error named after its description.</summary>
internal static class TlsAlert
{
    /// <summary>close_notify.</summary>
    public const byte CloseNotify = 0;

    /// <summary>Whether an alert record's content is close_notify.</summary>
    public static bool IsCloseNotify(ReadOnlySpan<byte> alert) => alert.Length == 2 && alert[1] == CloseNotify;

    /// <summary>The error an alert from the server stands for.</summary>
    public static TlsException From(ReadOnlySpan<byte> alert)
    {
        if (alert.Length != 2) return new TlsException("the server sent a malformed alert");
        return new TlsException($"the server sent the TLS alert {Name(alert[1])} ({alert[1]})");
    }

    private static string Name(byte description) => description switch
    {
        0 => "close_notify",
        10 => "unexpected_message",
        20 => "bad_record_mac",
        22 => "record_overflow",
        40 => "handshake_failure",
        42 => "bad_certificate",
        47 => "illegal_parameter",
        50 => "decode_error",
        51 => "decrypt_error",
        70 => "protocol_version",
        71 => "insufficient_security",
        80 => "internal_error",
        90 => "user_canceled",
        109 => "missing_extension",
        110 => "unsupported_extension",
        112 => "unrecognized_name",
        120 => "no_application_protocol",
        _ => "unknown",
    };
}
