using IsuBench.Integration.Mutants;

namespace IsuBench.Integration.InitialCheck;

/// <summary>The classes that run the initial check share the one loaded reference and run one after another, so their runs do not compete for it.</summary>
[CollectionDefinition(Name)]
public sealed class InitialCheckCollection : ICollectionFixture<MutantReference>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "initial check against the loaded reference";
}
