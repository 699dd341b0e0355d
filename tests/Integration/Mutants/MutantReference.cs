using IsuBench.Integration.InitialCheck;

namespace IsuBench.Integration.Mutants;

/// <summary>The one correct reference (baseline, full data set) that every mutant's proxy and the clean runs talk to.</summary>
public sealed class MutantReference : LoadedReference;
