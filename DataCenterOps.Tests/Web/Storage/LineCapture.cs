using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Tests.Web.Storage;

/// <summary>A logger provider that keeps every line and signals the first one containing <see cref="Awaited"/>.</summary>
internal sealed class LineCapture(string awaited) : ILoggerProvider
{
    private readonly TaskCompletionSource<string> _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Awaited => awaited;
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>Completes with the first matching line.</summary>
    public Task<string> Seen => _seen.Task;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        Lines.Enqueue(line);
        if (line.Contains(awaited, StringComparison.Ordinal))
        {
            _seen.TrySetResult(line);
        }
    }

    private sealed class Logger(LineCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                capture.Add($"{logLevel} {category}: {formatter(state, exception)}");
            }
        }
    }
}
