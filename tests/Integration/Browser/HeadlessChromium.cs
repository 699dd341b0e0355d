using Microsoft.Playwright;

namespace IsuBench.Integration.Browser;

/// <summary>Debian's chromium driven by Playwright; browsers are never downloaded.</summary>
internal static class HeadlessChromium
{
    /// <summary>Where the setup script's package installs the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Launches a headless chromium that talks to nothing but the pages it is sent to.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"{ExecutablePath} is missing: run scripts/setup.sh (installs Debian's chromium)");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }
}
