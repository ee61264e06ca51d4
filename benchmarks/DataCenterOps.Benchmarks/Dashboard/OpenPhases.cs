using System.Text.Json;
using DataCenterOps.Benchmarks.EndToEnd;
using Microsoft.Playwright;

namespace DataCenterOps.Benchmarks.Dashboard;

/// <summary>
/// Where an open's time goes, from the browser's own clock (ms since the navigation started): the prerendered HTML's
/// first and last byte, the scripts and styles, the circuit's websocket, the first render batch (the largest message
/// before the page turned interactive, and its size) and the moment <c>#circuit-ready</c> was in the DOM; also when the
/// prerendered values are first in the DOM and on screen (first contentful paint), before the circuit. Medians over
/// all opens, so the breakdown sits beside the open time it explains.
/// </summary>
internal sealed class OpenPhases
{
    // Runs before the page's own scripts: wraps WebSocket to stamp open and messages, watches the DOM for the marker.
    public const string InitScript = """
        (() => {
          const t = window.__dcopsPhases = { messages: [] };
          const Native = window.WebSocket;
          window.WebSocket = class extends Native {
            constructor(...args) {
              super(...args);
              t.wsCreated ??= performance.now();
              this.addEventListener('open', () => { t.wsOpen ??= performance.now(); });
              this.addEventListener('message', e => {
                if (t.messages.length < 40) t.messages.push([performance.now(), e.data.byteLength ?? e.data.size ?? e.data.length ?? 0]);
              });
            }
          };
          new MutationObserver(() => {
            if (t.values === undefined && document.querySelector("[data-source='Mains']")) t.values = performance.now();
            if (t.ready === undefined && document.getElementById('circuit-ready')) t.ready = performance.now();
          })
            .observe(document, { subtree: true, childList: true });
        })();
        """;

    // Asset names are fingerprinted (MudBlazor.min.k4r0it8844.css): matched by pattern.
    private const string Collect = """
        () => {
          const n = performance.getEntriesByType('navigation')[0];
          const t = window.__dcopsPhases ?? { messages: [] };
          const res = name => performance.getEntriesByType('resource').filter(e => name.test(e.name)).map(e => e.responseEnd)[0];
          const before = t.messages.filter(m => t.ready === undefined || m[0] <= t.ready);
          const batch = before.reduce((a, m) => (a === null || m[1] > a[1] ? m : a), null);
          const bytes = performance.getEntriesByType('resource').reduce((s, e) => s + e.transferSize, 0) + n.transferSize;
          return {
            'document first byte (prerendered HTML)': n.responseStart,
            'document last byte': n.responseEnd,
            'live values in the DOM (the prerendered Mains tile)': t.values,
            'first contentful paint (what the prerender shows, once the styles are in)': performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
            'MudBlazor.min.css loaded': res(/MudBlazor\.min\.(\w+\.)?css/),
            'blazor.web.js loaded': res(/blazor\.web\.(\w+\.)?js/),
            'MudBlazor.min.js loaded': res(/MudBlazor\.min\.(\w+\.)?js$/),
            'DOMContentLoaded': n.domContentLoadedEventEnd,
            'load event': n.loadEventEnd,
            'negotiate answered': res(/\/_blazor\/negotiate/),
            'websocket open': t.wsOpen,
            'first render batch received (largest message before interactive)': batch?.[0],
            'first render batch size': batch?.[1],
            'messages before interactive': before.length,
            'interactive (#circuit-ready in the DOM)': t.ready,
            'bytes over the wire (HTML and assets, cache hits 0)': bytes,
          };
        }
        """;

    private readonly List<Dictionary<string, double?>> _opens = [];

    /// <summary>Reads an open's phases once its load event is over (the open's clock has stopped before it).</summary>
    public async Task AddAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var json = await page.EvaluateAsync<JsonElement>(Collect);
        _opens.Add(json.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetDouble() : (double?)null));
    }

    public IEnumerable<Figure> Medians(string what)
    {
        if (_opens.Count == 0)
        {
            yield break;
        }

        foreach (var name in _opens[0].Keys)
        {
            var values = _opens.Select(o => o.GetValueOrDefault(name)).OfType<double>().Order().ToList();
            if (values.Count > 0)
            {
                var unit = name.Contains("size", StringComparison.Ordinal) || name.Contains("bytes", StringComparison.Ordinal) ? "bytes"
                    : name.StartsWith("messages", StringComparison.Ordinal) ? "" : "ms";
                yield return new($"{what}: phase, median of {values.Count}: {name}", values[values.Count / 2], unit);
            }
        }
    }
}
