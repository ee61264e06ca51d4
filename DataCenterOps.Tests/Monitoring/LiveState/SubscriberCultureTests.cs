using System.Globalization;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Monitoring.LiveState;

namespace DataCenterOps.Tests.Monitoring.LiveState;

/// <summary>
/// A screen subscribes in its circuit's culture and is told of changes from the poller's thread: the handler must run in
/// the subscriber's culture (an English screen stayed English only until the first live update).
/// </summary>
public sealed class SubscriberCultureTests
{
    [Fact]
    public async Task ChangeNotifier_RunsEachSubscriber_InTheCultureItSubscribedIn()
    {
        var notifier = new ChangeNotifier<int>(_ => { });
        var seen = new List<string>();
        using (InCulture("en-US"))
        {
            notifier.Subscribe(_ => seen.Add(CultureInfo.CurrentUICulture.Name));
        }

        using (InCulture("id-ID"))
        {
            notifier.Subscribe(_ => seen.Add(CultureInfo.CurrentUICulture.Name));
        }

        await Task.Run(() =>
        {
            using (InCulture("fr-FR"))
            {
                notifier.Notify(1);
            }
        });

        Assert.Equal(["en-US", "id-ID"], seen);
    }

    [Fact]
    public async Task AccessChanges_RunsTheHandler_InTheCultureItSubscribedIn_AndUnsubscribes()
    {
        var changes = new AccessChanges();
        var seen = new List<string>();
        IDisposable subscription;
        using (InCulture("en-US"))
        {
            subscription = changes.Subscribe(() => seen.Add(CultureInfo.CurrentUICulture.Name));
        }

        await Task.Run(() =>
        {
            using (InCulture("id-ID"))
            {
                changes.Notify();
            }
        });
        subscription.Dispose();
        changes.Notify();

        Assert.Equal(["en-US"], seen);
    }

    [Fact]
    public async Task ABoundRenderCallback_RunsInTheCultureItWasBoundIn_FromAnotherThread()
    {
        string? seen = null;
        Func<Task> render;
        using (InCulture("en-US"))
        {
            // As a live view binds its component's render callback in the circuit.
            render = SubscriberContext.Bind(() =>
            {
                seen = CultureInfo.CurrentUICulture.Name;
                return Task.CompletedTask;
            });
        }

        await Task.Run(async () =>
        {
            using (InCulture("id-ID"))
            {
                await render();
            }
        });

        Assert.Equal("en-US", seen);
    }

    private static CultureScope InCulture(string name) => new(CultureInfo.GetCultureInfo(name));

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
