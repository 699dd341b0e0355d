using IsuBench.Integration.InitialCheck;

namespace IsuBench.Integration.Mutants;

/// <summary>The one correct baseline reference (full data set) that every mutant's proxy and the clean runs talk to; <see cref="TunedReference"/> is its tuned counterpart.</summary>
public sealed class MutantReference : LoadedReference;
