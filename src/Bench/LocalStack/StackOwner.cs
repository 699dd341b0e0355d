namespace IsuBench.Bench.LocalStack;

/// <summary>
/// Which process owns a local stack folder (its pid in a file there), so that a later command can tell a stack that is
/// in use from one a killed process left behind.
/// </summary>
internal static class StackOwner
{
    private const string FileName = "owner.pid";

    /// <summary>The recorded owner, or null when none was recorded.</summary>
    public static int? Recorded(string directory)
    {
        var file = Path.Combine(Path.GetFullPath(directory), FileName);
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) ? pid : null;
    }

    /// <summary>Records this process as the owner.</summary>
    public static void Claim(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(Path.GetFullPath(directory), FileName), Environment.ProcessId.ToString());
    }

    /// <summary>Removes the record if it names this process.</summary>
    public static void Release(string directory)
    {
        if (Recorded(directory) == Environment.ProcessId)
            File.Delete(Path.Combine(Path.GetFullPath(directory), FileName));
    }
}
