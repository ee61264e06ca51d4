using System.Net.Sockets;
using System.Text.RegularExpressions;
using DataCenterOps.Monitoring.Simulation;
using Microsoft.AspNetCore.Connections;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>Start-up failures the operator can fix, as one plain line (no stack trace), and the exit code for them.</summary>
public static partial class StartupFailure
{
    /// <summary>Exit code when a port the app listens on (web or simulator) is taken, e.g. by a second copy of the app.</summary>
    public const int PortInUseExitCode = 10;

    /// <summary>The line to print when <paramref name="exception"/> (or one inside it) is a port already in use; else null.</summary>
    public static string? PortInUse(Exception exception)
    {
        foreach (var ex in Flatten(exception))
        {
            if (ex is PortInUseException simulator)
            {
                return $"DataCenterOps cannot start: port {simulator.Port} ({simulator.Endpoint}) is already in use. " +
                       $"Stop the other program or set {simulator.SettingKey} to a free port.";
            }

            if (ex is IOException io && io.InnerException is AddressInUseException
                || ex is IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } })
            {
                var address = BindFailure().Match(ex.Message) is { Success: true } m ? m.Groups[1].Value : "the web address";
                return $"DataCenterOps cannot start: {address} is already in use. " +
                       "Stop the other program or set Urls (or --urls) to a free address.";
            }
        }

        return null;
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            yield return ex;
            if (ex is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    [GeneratedRegex(@"bind to address (\S+?):? address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex BindFailure();
}
