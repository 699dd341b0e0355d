namespace IsuBench.Integration.InitialCheck;

/// <summary>
/// The classes that run the initial check against the loaded baseline reference share it (loaded once) and its runs
/// (<see cref="InitialCheckRuns"/>, all started together on first use, their watchers kept apart by the reference's
/// <see cref="WatcherRoomLedger"/>); the full data set's test reads its load's counts. The tuned reference has a collection of
/// its own (<see cref="TunedInitialCheckCollection"/>): the two are different servers over different databases, so they run side by side.
/// </summary>
[CollectionDefinition(Name)]
public sealed class InitialCheckCollection : ICollectionFixture<BaselineReference>, ICollectionFixture<InitialCheckRuns>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "initial check against the loaded baseline reference";
}

/// <summary>The classes that run the initial check against the loaded tuned reference (see <see cref="InitialCheckCollection"/>).</summary>
[CollectionDefinition(Name)]
public sealed class TunedInitialCheckCollection : ICollectionFixture<TunedReference>, ICollectionFixture<InitialCheckRuns>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "initial check against the loaded tuned reference";
}
