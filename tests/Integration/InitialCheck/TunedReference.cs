using IsuBench.Reference.Hosting;

namespace IsuBench.Integration.InitialCheck;

/// <summary>The reference in its tuned profile over the full data set.</summary>
public sealed class TunedReference : LoadedReference
{
    /// <inheritdoc />
    protected override string Profile => ReferenceOptions.TunedProfile;
}
