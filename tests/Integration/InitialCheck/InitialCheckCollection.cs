using IsuBench.Integration.Mutants;

namespace IsuBench.Integration.InitialCheck;

/// <summary>
/// The classes that run the initial check share the loaded references (baseline and tuned, each loaded once) and run one after
/// another, so their runs neither compete for a reference nor load the machine twice over beside the other test collections.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InitialCheckCollection : ICollectionFixture<BaselineReference>, ICollectionFixture<TunedReference>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "initial check against the loaded references";
}
