namespace IsuBench.Bench.LocalStack;

/// <summary>
/// Finds the programs isubench runs that come from Debian's packages (mariadbd, mariadb-install-db). It never installs
/// anything: a missing program is an environment problem whose message names the package and the command that installs
/// it; scripts/setup.sh is the one installer.
/// </summary>
internal static class DebianPackages
{
    // Debian puts daemons such as mariadbd in sbin folders, which an ordinary user's PATH often lacks.
    private static readonly string[] SystemDirectories = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    /// <summary>The folders searched: those of <paramref name="pathVariable"/> (a PATH value; the process's PATH when null), then the system's.</summary>
    public static IReadOnlyList<string> SearchDirectories(string? pathVariable = null) =>
        (pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(SystemDirectories)
            .ToList();

    /// <summary>The full path of the executable <paramref name="program"/> in the first of <paramref name="directories"/> holding it, or null.</summary>
    public static string? Find(string program, IEnumerable<string> directories) =>
        directories.Select(d => Path.Combine(d, program)).FirstOrDefault(IsExecutable);

    /// <summary>The full path of <paramref name="program"/> on the PATH or in the system's folders, or null.</summary>
    public static string? Find(string program) => Find(program, SearchDirectories());

    /// <summary>
    /// The full path of <paramref name="program"/> in <paramref name="directories"/> (the PATH and the system's folders
    /// when null); throws <see cref="EnvironmentMissingException"/> with <see cref="MissingMessage"/> when it is not there.
    /// </summary>
    public static string Require(string program, IReadOnlyList<string> packages, IEnumerable<string>? directories = null) =>
        Find(program, directories ?? SearchDirectories()) ?? throw new EnvironmentMissingException(MissingMessage(program, packages));

    /// <summary>What to tell a user who lacks <paramref name="program"/>: the packages that bring it and how to install them.</summary>
    public static string MissingMessage(string program, IReadOnlyList<string> packages)
    {
        string list = string.Join(' ', packages);
        return $"'{program}' is not installed; it comes with the Debian package{(packages.Count == 1 ? "" : "s")} {list}. "
            + $"Install {(packages.Count == 1 ? "it" : "them")} with: sudo apt-get update && sudo apt-get install -y {list} "
            + "(as root, without sudo), or run scripts/setup.sh from the IsuBench clone, which installs everything the benchmark and the tests need.";
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
