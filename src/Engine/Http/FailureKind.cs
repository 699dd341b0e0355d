namespace IsuBench.Engine.Http;

/// <summary>Why a request produced no usable response.</summary>
public enum FailureKind
{
    /// <summary>A response arrived (its status and content are for the caller to judge).</summary>
    None,

    /// <summary>The request ran past its timeout.</summary>
    Timeout,

    /// <summary>Connection refused, reset, malformed HTTP and similar.</summary>
    Transport,

    /// <summary>The server answered 3xx; redirects are failures.</summary>
    Redirect,

    /// <summary>The body exceeded the session's limit.</summary>
    BodyTooLarge,

    /// <summary>The bench ran out of sockets; not counted against the server.</summary>
    BenchCapacity,
}
