namespace DataCenterOps.Domain.Evidence;

/// <summary>The evidence key is missing, unreadable or malformed; the message says which and where.</summary>
public sealed class EvidenceKeyException(string message, Exception? inner = null) : Exception(message, inner);
