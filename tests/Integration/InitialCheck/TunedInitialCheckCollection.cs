namespace IsuBench.Integration.InitialCheck;

/// <summary>The classes that run the initial check against the tuned reference share the one loaded tuned reference and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class TunedInitialCheckCollection : ICollectionFixture<TunedReference>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "initial check against the loaded tuned reference";
}
