using System.Net;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>The fields of an SNMPv1 Trap-PDU (RFC 1157 §4.1.6) as they arrived.</summary>
public sealed record V1TrapFields(ObjectIdentifier Enterprise, IPAddress AgentAddress, int GenericTrap, int SpecificTrap, uint TimeStamp);
