namespace IsuBench.Integration.InitialCheck;

/// <summary>The reference in its baseline profile over the full data set, which the clean runs and every mutant's proxy talk to; <see cref="TunedReference"/> is its tuned counterpart.</summary>
public sealed class BaselineReference : LoadedReference;
