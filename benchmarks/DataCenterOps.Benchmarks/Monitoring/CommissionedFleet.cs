using System.Xml.Linq;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Monitoring.Devices;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace DataCenterOps.Benchmarks.Monitoring;

/// <summary>
/// Gives devices to app processes on a shared PostgreSQL the way an Administrator's commissioning does — rows of
/// <c>CommissionedDevices</c>, communities protected with the nodes' own data-protection key ring (the
/// <c>DataProtectionKeys</c> table, application discriminator "DataCenterOps") — instead of configuration keys, whose
/// binding grows with the square of the device count. The apps load them at start (<c>IAdditionalDeviceSource</c>).
/// </summary>
internal static class CommissionedFleet
{
    /// <summary>Writes the devices; a node must have served once (schema migrated, a key created) before.</summary>
    public static async Task WriteAsync(string connectionString, IReadOnlyList<DeviceOptions> devices, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddDataProtection(o => o.ApplicationDiscriminator = "DataCenterOps");
        services.Configure<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new ReadOnlyKeys(connectionString);
            o.AutoGenerateKeys = false;
        });
        await using var provider = services.BuildServiceProvider();
        var secrets = new DeviceSecretProtector(provider.GetRequiredService<IDataProtectionProvider>());

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var now = DateTime.UtcNow;
        await using var import = await connection.BeginBinaryImportAsync(
            """
            COPY "CommissionedDevices" ("Id", "DeviceId", "Name", "Kind", "Protocol", "Host", "Port", "Profile", "IntervalSeconds",
                "SnmpVersion", "ProtectedCommunity", "UnitId", "AddedAtUtc", "AddedById") FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var d in devices)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, cancellationToken);
            await import.WriteAsync(d.Id, NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(d.Name, NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(d.Kind.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(d.Protocol.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(d.Host, NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(d.Port, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(d.Profile, NpgsqlDbType.Varchar, cancellationToken);
            await import.WriteAsync(d.IntervalSeconds, NpgsqlDbType.Double, cancellationToken);
            await WriteNullableAsync(import, d.Community is null ? null : "V2c", cancellationToken);
            await WriteNullableAsync(import, secrets.Protect(d.Community), cancellationToken);
            if (d.UnitId is { } unit)
            {
                await import.WriteAsync(unit, NpgsqlDbType.Integer, cancellationToken);
            }
            else
            {
                await import.WriteNullAsync(cancellationToken);
            }

            await import.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
            await import.WriteAsync("benchmark", NpgsqlDbType.Varchar, cancellationToken);
        }

        await import.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter import, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await import.WriteNullAsync(cancellationToken);
        }
        else
        {
            await import.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);
        }
    }

    /// <summary>The nodes' key ring, read only: the benchmark uses the key a node made and never makes one of its own.</summary>
    private sealed class ReadOnlyKeys(string connectionString) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand("""SELECT "Xml" FROM "DataProtectionKeys" WHERE "Xml" IS NOT NULL""", connection);
            using var reader = command.ExecuteReader();
            var keys = new List<XElement>();
            while (reader.Read())
            {
                keys.Add(XElement.Parse(reader.GetString(0)));
            }

            return keys.Count == 0 ? throw new InvalidOperationException("No data-protection key in the database yet: start a node first.") : keys;
        }

        public void StoreElement(XElement element, string friendlyName) =>
            throw new InvalidOperationException("The benchmark does not make data-protection keys; the nodes do.");
    }
}
