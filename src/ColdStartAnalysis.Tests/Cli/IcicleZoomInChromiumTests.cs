using ColdStart.Analysis.Tests.Support;
using ColdStart.Cli;
using ColdStart.Cli.Rendering;
using ColdStart.Cli.Rendering.Internal;
using OpenQA.Selenium;
using Xunit;

namespace ColdStart.Analysis.Tests.Cli;

/// <summary>The HTML report's icicle, clicked in a real headless Chromium: zoom in, breadcrumbs, zoom out; and without scripts.</summary>
public sealed class IcicleZoomInChromiumTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [ChromiumFact]
    public void Clicking_a_module_makes_it_the_full_width_and_the_breadcrumb_zooms_back_out()
    {
        var page = SampleReport();
        var report = ImportTimeReport.Build(LogParser.Parse([LogSource.FromFile(CliRunner.SamplePath)]));
        var root = report.Tree.MaxBy(r => r.MedianCumulativeMs)!;
        var module = root.Children.Where(c => c.Children.Count > 0).MaxBy(c => c.MedianCumulativeMs)!;
        using var chromium = Chromium.Start();
        var browser = chromium.Page;

        browser.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        var chart = browser.FindElement(By.CssSelector("svg.icicle"));
        var bar = Bar(browser, module.Name, depth: 1);
        var widthBefore = bar.Size.Width;
        Assert.Equal(["All imports"], Crumbs(browser));
        Assert.InRange(widthBefore, 1, chart.Size.Width * 0.9);

        bar.Click();

        Assert.InRange(bar.Location.X - chart.Location.X, -1, 1);
        Assert.InRange(bar.Size.Width, chart.Size.Width - 2, chart.Size.Width + 1);
        var rowBelow = Bar(browser, module.Children[0].Name, depth: 2).Location.Y - bar.Location.Y;
        Assert.InRange(rowBelow, RowHeight(browser) - 1, RowHeight(browser) + 1); // its children are the next row
        Assert.Equal(["All imports", root.Name, module.Name], Crumbs(browser));
        Assert.Equal("true", browser.FindElement(By.CssSelector("nav.crumbs button:last-of-type")).GetAttribute("aria-current"));
        Assert.False(Bar(browser, root.Name, depth: 0).Displayed); // outside the zoomed module
        Assert.EndsWith($"#icicle={root.Name}/{module.Name}", browser.Url);

        browser.FindElement(By.XPath("//nav[@class='crumbs']/button[.='All imports']")).Click();

        Assert.Equal(["All imports"], Crumbs(browser));
        Assert.InRange(bar.Size.Width, widthBefore - 1, widthBefore + 1);
        Assert.True(Bar(browser, root.Name, depth: 0).Displayed);
        Assert.Empty(SevereConsoleMessages(browser));
    }

    [ChromiumFact]
    public void On_a_page_with_two_charts_each_zooms_on_its_own()
    {
        // The shape of a `coldstart profile` page: several reports' bodies (breadcrumbs + chart each), the script once.
        var report = File.ReadAllText(SampleReport());
        var body = report.IndexOf("<h1>", StringComparison.Ordinal);
        var script = report.IndexOf("<script>", StringComparison.Ordinal);
        var page = _dir.Write("two.html", report[..script] + report[body..script] + report[script..]);
        var root = ImportTimeReport.Build(LogParser.Parse([LogSource.FromFile(CliRunner.SamplePath)])).Tree.MaxBy(r => r.MedianCumulativeMs)!;
        using var chromium = Chromium.Start();
        var browser = chromium.Page;

        browser.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        var charts = browser.FindElements(By.CssSelector("svg.icicle"));
        var crumbs = browser.FindElements(By.CssSelector("nav.crumbs"));
        var bars = browser.FindElements(By.CssSelector($"g.node[data-d='0'][data-name='{root.Name}'] > rect"));
        Assert.Equal((2, 2, 2), (charts.Count, crumbs.Count, bars.Count));
        var firstWidth = bars[0].Size.Width;

        bars[1].Click();

        Assert.InRange(bars[1].Size.Width, charts[1].Size.Width - 2, charts[1].Size.Width + 1);
        Assert.InRange(bars[0].Size.Width, firstWidth - 1, firstWidth + 1);
        Assert.Equal(["All imports", root.Name], crumbs[1].FindElements(By.CssSelector("button")).Select(b => b.Text));
        Assert.Equal(["All imports"], crumbs[0].FindElements(By.CssSelector("button")).Select(b => b.Text));
        Assert.EndsWith($"#icicle-2={root.Name}", browser.Url);

        new OpenQA.Selenium.Interactions.Actions(browser).SendKeys(Keys.Escape).Perform();

        Assert.Equal(["All imports"], crumbs[1].FindElements(By.CssSelector("button")).Select(b => b.Text));
        Assert.Empty(SevereConsoleMessages(browser));
    }

    [ChromiumFact]
    public void The_page_loads_nothing_and_its_policy_allows_only_its_own_script()
    {
        var page = SampleReport();
        using var chromium = Chromium.Start();
        var browser = chromium.Page;

        browser.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        var policy = browser.FindElement(By.CssSelector("meta[http-equiv='Content-Security-Policy']")).GetAttribute("content");
        var external = browser.FindElements(By.CssSelector("[src], link[href]"));
        var resources = browser.ExecuteScript("return performance.getEntriesByType('resource').length");
        var blocked = browser.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            document.addEventListener('securitypolicyviolation', e => done(e.violatedDirective), { once: true });
            const img = document.createElement('img');
            img.src = 'http://127.0.0.1:9/pixel.png';
            document.body.append(img);
            """);

        Assert.StartsWith("default-src 'none'; script-src 'sha256-", policy);
        Assert.Equal(0L, resources);
        Assert.Equal("img-src", blocked);
        Assert.True(browser.FindElement(By.CssSelector("nav.crumbs")).Displayed); // the script ran: its hash matches
        Assert.Single(browser.FindElements(By.TagName("script")));
        Assert.Empty(external);
    }

    [ChromiumFact]
    public void Without_scripts_the_whole_chart_is_drawn_and_the_zoom_controls_stay_hidden()
    {
        var page = SampleReport();
        using var chromium = Chromium.Start(javaScript: false);
        var browser = chromium.Page;

        browser.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        var chart = browser.FindElement(By.CssSelector("svg.icicle"));
        var roots = browser.FindElements(By.CssSelector("g.node[data-d='0']:not(.off) > rect:first-of-type"));

        Assert.DoesNotContain("zoomable", chart.GetAttribute("class"));
        Assert.False(browser.FindElement(By.CssSelector("nav.crumbs")).Displayed);
        Assert.False(browser.FindElement(By.CssSelector("[data-zoom-hint]")).Displayed);
        Assert.InRange(roots.Sum(r => r.Size.Width), chart.Size.Width - roots.Count - 2, chart.Size.Width + 1);
        Assert.Contains(browser.FindElements(By.CssSelector("g.node text")), t => t.Text == "lambda_runtime_client");
    }

    [ChromiumFact]
    public void Zooming_into_the_last_drawn_row_of_a_deep_chain_draws_the_levels_below_it()
    {
        var page = _dir.Write("deep.html", HtmlReportRenderer.Render(DeepTree.Report(10_000)));
        using var chromium = Chromium.Start();
        var browser = chromium.Page;

        browser.Navigate().GoToUrl(new Uri(page).AbsoluteUri);
        var last = IcicleChart.MaxRows - 1;
        Assert.False(Bar(browser, $"m{last + 1}", last + 1).Displayed);

        Bar(browser, $"m{last}", last).Click();

        Assert.True(Bar(browser, $"m{last + 1}", last + 1).Displayed);
        Assert.True(Bar(browser, $"m{2 * last}", 2 * last).Displayed);
        Assert.False(Bar(browser, $"m{2 * last + 1}", 2 * last + 1).Displayed);
        Assert.Equal(["All imports", "m0", "m1", "…", .. Enumerable.Range(last - 7, 8).Select(d => $"m{d}")], Crumbs(browser));
        Assert.Empty(SevereConsoleMessages(browser));
    }

    public void Dispose() => _dir.Dispose();

    private string SampleReport()
    {
        var path = _dir.PathOf("report.html");
        var run = CliRunner.Run("report", CliRunner.SamplePath, "--format", "html", "--output", path);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        return path;
    }

    private static IWebElement Bar(IWebDriver browser, string name, int depth) =>
        browser.FindElement(By.CssSelector($"g.node[data-d='{depth}'][data-name='{name}'] > rect"));

    /// <summary>A row of the chart in screen pixels: the SVG is scaled to the page's width.</summary>
    private static int RowHeight(IWebDriver browser)
    {
        var chart = browser.FindElement(By.CssSelector("svg.icicle"));
        return (int)Math.Round(double.Parse(chart.GetAttribute("data-row-height")!, System.Globalization.CultureInfo.InvariantCulture) * chart.Size.Width / IcicleChart.Width);
    }

    private static List<string> Crumbs(IWebDriver browser) =>
        browser.FindElements(By.CssSelector("nav.crumbs > *")).Select(e => e.Text).Where(t => t != "›").ToList();

    private static List<string> SevereConsoleMessages(IWebDriver browser) =>
        browser.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level == LogLevel.Severe).Select(e => e.Message).ToList();
}
