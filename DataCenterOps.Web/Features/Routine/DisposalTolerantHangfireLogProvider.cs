using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace DataCenterOps.Web.Features.Routine;

/// <summary>
/// Hangfire keeps one log provider per process (a static). When the host that set it stops before Hangfire's own threads
/// do — at shutdown, or when several hosts share a process as the tests' hosts do — its logger factory is disposed under
/// them: a new logger is then silent instead of throwing from deep inside a job client or worker.
/// </summary>
internal sealed class DisposalTolerantHangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return SilentLog.Instance;
        }
    }

    private sealed class SilentLog : ILog
    {
        public static readonly SilentLog Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
