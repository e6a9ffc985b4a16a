using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Pinger.Protocol.Windows;

namespace Pinger.Dashboard.Tests.Infrastructure;

/// <summary>Reads the numbers a page shows from its data attributes and tables, as a test in the browser sees them.</summary>
internal static class PageNumbers
{
    /// <summary>The bar height (machines) per window of a chart, from its <c>data-window</c> / <c>data-count</c> attributes.</summary>
    public static async Task<Dictionary<string, long>> BarsAsync(IPage page, string chart)
    {
        var bars = new Dictionary<string, long>();
        foreach (var group in await page.Locator($"svg[data-chart='{chart}'] g[data-window]").AllAsync().ConfigureAwait(false))
        {
            var window = await group.GetAttributeAsync("data-window").ConfigureAwait(false);
            var count = await group.GetAttributeAsync("data-count").ConfigureAwait(false);
            bars[window!] = long.Parse(count!, CultureInfo.InvariantCulture);
        }

        return bars;
    }

    /// <summary>The chart's table as (window, series) → count; the total column is series "".</summary>
    public static async Task<Dictionary<(string CountingWindow, string Series), long>> TableAsync(IPage page, string chart)
    {
        var json = await page.EvaluateAsync<string>("""
            table => {
              const t = document.querySelector(`table[data-table='${table}']`);
              const series = [...t.tHead.rows[0].cells].slice(1).map(c => c.dataset.series);
              const cells = [];
              for (const row of t.tBodies[0].rows) {
                [...row.cells].slice(1).forEach((c, i) => cells.push([row.dataset.window, series[i], c.textContent]));
              }
              return JSON.stringify(cells);
            }
            """, chart).ConfigureAwait(false);
        return JsonSerializer.Deserialize<string[][]>(json)!
            .ToDictionary(c => (c[0], c[1]), c => long.Parse(c[2], NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
    }

    /// <summary>The series names of a chart, bottom of the stack first.</summary>
    public static async Task<IReadOnlyList<string>> SeriesAsync(IPage page, string chart)
    {
        var names = new List<string>();
        foreach (var path in await page.Locator($"svg[data-chart='{chart}'] path[data-series]").AllAsync().ConfigureAwait(false))
        {
            names.Add((await path.GetAttributeAsync("data-series").ConfigureAwait(false))!);
        }

        return names;
    }

    /// <summary>The count shown for one value of one field in the shares section, or null when it is not shown.</summary>
    public static async Task<long?> ShareAsync(IPage page, string field, string value)
    {
        var row = page.Locator($"div[data-field='{field}'] tr[data-value='{value}']");
        if (await row.CountAsync().ConfigureAwait(false) == 0)
        {
            return null;
        }

        return long.Parse((await row.GetAttributeAsync("data-count").ConfigureAwait(false))!, CultureInfo.InvariantCulture);
    }
}
