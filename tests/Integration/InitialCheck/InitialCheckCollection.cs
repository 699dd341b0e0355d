namespace IsuBench.Integration.InitialCheck;

/// <summary>
/// The classes that run the initial check against the loaded baseline reference share it (loaded once) and run one after another,
/// so that their watcher checks never count each other's watchers; the data set's tests read its load's counts. The tuned reference has a collection of its own
/// (<see cref="TunedInitialCheckCollection"/>): the two are different servers over different databases, so they run side by side.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InitialCheckCollection : ICollectionFixture<BaselineReference>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "initial check against the loaded baseline reference";
}

/// <summary>The classes that run the initial check against the loaded tuned reference, one after another (see <see cref="InitialCheckCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class TunedInitialCheckCollection : ICollectionFixture<TunedReference>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "initial check against the loaded tuned reference";
}
