using System.Net;

namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>Turns a Report PDU into the typed exception an operator can act on (messages name the config keys).</summary>
internal static class UsmReportErrors
{
    public static SnmpReportException From(SnmpPdu report, IPEndPoint endpoint, SnmpUsmCredentials credentials)
    {
        if (report.Varbinds.Count == 0)
        {
            return new SnmpReportException($"SNMPv3: {endpoint} answered with an empty Report.");
        }

        var oid = report.Varbinds[0].Oid;
        var user = credentials.User;
        if (oid == UsmReports.UnknownUserNames)
        {
            return new SnmpUnknownUserException($"SNMPv3: unknown user '{user}' at {endpoint} — check V3User.", oid);
        }

        if (oid == UsmReports.WrongDigests)
        {
            return new SnmpWrongDigestException(
                $"SNMPv3: wrong authentication password for user '{user}' at {endpoint} (or the agent uses another auth protocol " +
                $"than {SnmpUsmProtocolNames.Name(credentials.AuthProtocol)}) — check V3AuthPassword and V3AuthProtocol.", oid);
        }

        if (oid == UsmReports.DecryptionErrors)
        {
            return new SnmpDecryptionErrorException(
                $"SNMPv3: wrong privacy password for user '{user}' at {endpoint} (or the agent uses another priv protocol " +
                $"than {SnmpUsmProtocolNames.Name(credentials.PrivProtocol)}): the agent could not decrypt the request — check V3PrivPassword and V3PrivProtocol.", oid);
        }

        if (oid == UsmReports.UnsupportedSecLevels)
        {
            return new SnmpUnsupportedSecurityLevelException(
                $"SNMPv3: user '{user}' at {endpoint} does not support {credentials.SecurityLevel} — the agent's user lacks " +
                "an auth or priv key; match V3AuthPassword/V3PrivPassword to how the user is set up on the agent.", oid);
        }

        if (oid == UsmReports.NotInTimeWindows)
        {
            return new SnmpNotInTimeWindowException(
                $"SNMPv3: {endpoint} found the request outside its {UsmProcessor.TimeWindowSeconds} s time window even after re-synchronising engine boots and time.", oid);
        }

        if (oid == UsmReports.UnknownEngineIds)
        {
            return new SnmpUnknownEngineIdException($"SNMPv3: {endpoint} did not recognise its own engine ID even after re-discovery.", oid);
        }

        if (oid == UsmReports.UnknownContexts || oid == UsmReports.UnavailableContexts)
        {
            return new SnmpUnknownContextException($"SNMPv3: {endpoint} serves no context '{credentials.ContextName}' — check V3Context.", oid);
        }

        return new SnmpReportException($"SNMPv3: {endpoint} refused the request with a Report ({oid}).", oid);
    }
}
