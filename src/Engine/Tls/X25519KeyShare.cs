using System.Runtime.InteropServices;

namespace IsuBench.Engine.Tls;

/// <summary>
/// An ephemeral X25519 key pair (RFC 7748), the key exchange the original benchmark's Go client used. .NET has no X25519 of its
/// own; this calls the platform's OpenSSL (libcrypto), which .NET itself uses for TLS and cryptography on Linux.
/// </summary>
internal sealed class X25519KeyShare : IDisposable
{
    /// <summary>The named group's code point in TLS (RFC 8446 §4.2.7).</summary>
    public const ushort Group = 0x001d;

    /// <summary>Length of a public key and of the shared secret.</summary>
    public const int KeyLength = 32;

    /// <summary>The platform library this calls: OpenSSL 3's libcrypto.</summary>
    public const string Library = "libcrypto.so.3";

    private const int NidX25519 = 1034;
    private IntPtr _key;

    private X25519KeyShare(IntPtr key) => _key = key;

    /// <summary>A fresh key pair.</summary>
    public static X25519KeyShare Generate()
    {
        IntPtr context = Native.EVP_PKEY_CTX_new_id(NidX25519, IntPtr.Zero);
        if (context == IntPtr.Zero) throw new TlsException("X25519 is not available from the platform's OpenSSL");
        try
        {
            if (Native.EVP_PKEY_keygen_init(context) != 1 || Native.EVP_PKEY_keygen(context, out IntPtr key) != 1)
                throw new TlsException("generating an X25519 key failed");
            return new X25519KeyShare(key);
        }
        finally
        {
            Native.EVP_PKEY_CTX_free(context);
        }
    }

    /// <summary>The key pair of a known private key: for the test vectors of RFC 7748 and RFC 8448, never for a connection.</summary>
    internal static X25519KeyShare FromPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != KeyLength) throw new ArgumentException($"an X25519 private key is {KeyLength} bytes", nameof(privateKey));
        IntPtr key = Native.EVP_PKEY_new_raw_private_key(NidX25519, IntPtr.Zero, ref MemoryMarshal.GetReference(privateKey), KeyLength);
        if (key == IntPtr.Zero) throw new TlsException("the platform's OpenSSL refused an X25519 private key");
        return new X25519KeyShare(key);
    }

    /// <summary>Writes the public key into <paramref name="destination"/> (32 bytes).</summary>
    public void WritePublicKey(Span<byte> destination)
    {
        nuint length = KeyLength;
        if (destination.Length < KeyLength || Native.EVP_PKEY_get_raw_public_key(_key, ref MemoryMarshal.GetReference(destination), ref length) != 1 || length != KeyLength)
            throw new TlsException("reading the X25519 public key failed");
    }

    /// <summary>The shared secret with the peer's public key; an all-zero result (a small-order point) is refused (RFC 7748 §6.1).</summary>
    public byte[] Agree(ReadOnlySpan<byte> peerPublicKey)
    {
        if (peerPublicKey.Length != KeyLength) throw new TlsException($"the server's X25519 key share is {peerPublicKey.Length} bytes, not {KeyLength}");
        IntPtr peer = Native.EVP_PKEY_new_raw_public_key(NidX25519, IntPtr.Zero, ref MemoryMarshal.GetReference(peerPublicKey), KeyLength);
        if (peer == IntPtr.Zero) throw new TlsException("the server's X25519 key share is not a key");
        IntPtr context = Native.EVP_PKEY_CTX_new(_key, IntPtr.Zero);
        try
        {
            byte[] secret = new byte[KeyLength];
            nuint length = KeyLength;
            if (context == IntPtr.Zero || Native.EVP_PKEY_derive_init(context) != 1 || Native.EVP_PKEY_derive_set_peer(context, peer) != 1
                || Native.EVP_PKEY_derive(context, ref secret[0], ref length) != 1 || length != KeyLength)
                throw new TlsException("the X25519 key agreement failed");
            if (secret.AsSpan().IndexOfAnyExcept((byte)0) < 0) throw new TlsException("the server's X25519 key share gives an all-zero secret");
            return secret;
        }
        finally
        {
            Native.EVP_PKEY_CTX_free(context);
            Native.EVP_PKEY_free(peer);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Native.EVP_PKEY_free(Interlocked.Exchange(ref _key, IntPtr.Zero));

    // EVP_PKEY_free and EVP_PKEY_CTX_free accept NULL.
    private static class Native
    {
        private const string LibCrypto = Library;

        [DllImport(LibCrypto)] public static extern IntPtr EVP_PKEY_CTX_new_id(int id, IntPtr engine);
        [DllImport(LibCrypto)] public static extern IntPtr EVP_PKEY_CTX_new(IntPtr key, IntPtr engine);
        [DllImport(LibCrypto)] public static extern void EVP_PKEY_CTX_free(IntPtr context);
        [DllImport(LibCrypto)] public static extern int EVP_PKEY_keygen_init(IntPtr context);
        [DllImport(LibCrypto)] public static extern int EVP_PKEY_keygen(IntPtr context, out IntPtr key);
        [DllImport(LibCrypto)] public static extern void EVP_PKEY_free(IntPtr key);
        [DllImport(LibCrypto)] public static extern int EVP_PKEY_get_raw_public_key(IntPtr key, ref byte destination, ref nuint length);
        [DllImport(LibCrypto)] public static extern IntPtr EVP_PKEY_new_raw_public_key(int type, IntPtr engine, ref byte key, nuint length);
        [DllImport(LibCrypto)]
        public static extern IntPtr EVP_PKEY_new_raw_private_key(int type, IntPtr engine, ref byte key, nuint length);
        [DllImport(LibCrypto)] public static extern int EVP_PKEY_derive_init(IntPtr context);
        [DllImport(LibCrypto)] public static extern int EVP_PKEY_derive_set_peer(IntPtr context, IntPtr peer);
        [DllImport(LibCrypto)] public static extern int EVP_PKEY_derive(IntPtr context, ref byte secret, ref nuint length);
    }
}
