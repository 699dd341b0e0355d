using IsuBench.Bench.LocalStack;

namespace IsuBench.Tests.Bench.LocalStack;

/// <summary>A missing program is reported with how to install it, never installed (issue 21: the CLI installs nothing), even as root.</summary>
public sealed class DebianPackagesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("isubench-packages-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_program_missing_from_the_folders_searched_is_an_environment_problem_naming_it_and_the_install_command()
    {
        var error = Assert.Throws<EnvironmentMissingException>(
            () => DebianPackages.Require("mariadbd", ["mariadb-server", "mariadb-client"], [_directory]));
        Assert.Contains("'mariadbd' is not installed", error.Message);
        Assert.Contains("sudo apt-get update && sudo apt-get install -y mariadb-server mariadb-client", error.Message);
        Assert.Contains("scripts/setup.sh", error.Message);
        // Nothing was put in its place.
        Assert.Null(DebianPackages.Find("mariadbd", [_directory]));
    }

    [Fact]
    public void An_executable_in_a_folder_searched_is_found_and_a_plain_file_is_not()
    {
        if (OperatingSystem.IsWindows()) return; // the bench runs MariaDB on Linux only
        var program = Path.Combine(_directory, "mariadbd");
        File.WriteAllText(program, "#!/bin/sh\n");
        Assert.Null(DebianPackages.Find("mariadbd", [_directory]));
        File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.Equal(program, DebianPackages.Require("mariadbd", ["mariadb-server"], [Path.Combine(_directory, "none"), _directory]));
    }

    [Fact]
    public void The_search_takes_the_path_given_then_the_system_folders()
    {
        var directories = DebianPackages.SearchDirectories($"{_directory}::/opt/x");
        Assert.Equal([_directory, "/opt/x", "/usr/sbin", "/usr/bin", "/sbin", "/bin"], directories);
    }

    [Fact]
    public void One_package_is_named_in_the_singular()
    {
        Assert.Contains("the Debian package wrk. Install it with: sudo apt-get update && sudo apt-get install -y wrk", DebianPackages.MissingMessage("wrk", ["wrk"]));
    }
}
