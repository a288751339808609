using OpenQA.Selenium.Chrome;

namespace ColdStart.Analysis.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven through its ChromeDriver (packages <c>chromium</c> and <c>chromium-driver</c>,
/// which <c>.ci/run</c> installs). Started with the flags this machine needs as root and offline, and a fresh profile.
/// </summary>
internal sealed class Chromium : IDisposable
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";
    private readonly string _profile = Directory.CreateTempSubdirectory("coldstart-chromium-").FullName;

    private Chromium(bool javaScript)
    {
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--window-size=1400,1000", $"--user-data-dir={_profile}");
        if (!javaScript)
        {
            options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);
        }

        options.SetLoggingPreference(OpenQA.Selenium.LogType.Browser, OpenQA.Selenium.LogLevel.All);

        // Both paths given: Selenium Manager (which would download a driver) is never consulted.
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        Page = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>Why the browser tests cannot run here (naming what is missing), or null when they can.</summary>
    public static string? Missing { get; } =
        !File.Exists(Browser) && !File.Exists(Driver) ? $"Chromium and ChromeDriver are not installed ({Browser}, {Driver}): apt-get install -y chromium chromium-driver"
        : !File.Exists(Browser) ? $"Chromium is not installed ({Browser}): apt-get install -y chromium"
        : !File.Exists(Driver) ? $"ChromeDriver is not installed ({Driver}): apt-get install -y chromium-driver"
        : null;

    public ChromeDriver Page { get; }

    public static Chromium Start(bool javaScript = true) => new(javaScript);

    public void Dispose()
    {
        Page.Quit();
        Directory.Delete(_profile, recursive: true);
    }
}

/// <summary>A test that needs <see cref="Chromium"/>; skipped, saying what to install, only where it is missing.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Missing is { } missing)
        {
            Skip = missing;
        }
    }
}
