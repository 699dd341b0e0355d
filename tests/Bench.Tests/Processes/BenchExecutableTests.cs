using IsuBench.Bench.Processes;

namespace IsuBench.Tests.Bench.Processes;

public sealed class BenchExecutableTests
{
    [Fact]
    public void Under_the_dotnet_host_it_starts_the_host_with_the_assembly()
    {
        var executable = BenchExecutable.Of("/usr/share/dotnet/dotnet", "/opt/isubench/isubench.dll");
        Assert.Equal("/usr/share/dotnet/dotnet", executable.FileName);
        Assert.Equal(["/opt/isubench/isubench.dll"], executable.LeadingArguments);
    }

    [Theory]
    [InlineData("/opt/isubench/isubench", "/opt/isubench/isubench.dll")]
    [InlineData("/home/u/.dotnet/tools/isubench", "/home/u/.dotnet/tools/.store/isubench/0.9.0/isubench.dll")]
    [InlineData("/opt/isubench/isubench", "")]
    [InlineData("/opt/isubench/isubench", null)]
    public void An_apphost_a_tool_s_shim_or_a_single_file_starts_itself(string processPath, string? entryAssembly)
    {
        var executable = BenchExecutable.Of(processPath, entryAssembly);
        Assert.Equal(processPath, executable.FileName);
        Assert.Empty(executable.LeadingArguments);
    }

    [Fact]
    public void Without_the_process_s_path_it_cannot_start_itself()
    {
        Assert.Throws<InvalidOperationException>(() => BenchExecutable.Of(null, "/opt/isubench/isubench.dll"));
    }
}
