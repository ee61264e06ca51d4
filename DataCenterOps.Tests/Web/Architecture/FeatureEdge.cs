namespace DataCenterOps.Tests.Web.Architecture;

/// <summary>
/// An allowed use of another feature: files of feature <paramref name="From"/> may name <paramref name="Type"/>, a type of
/// another feature's declared public surface, named relative to <c>DataCenterOps.Web.Features</c> (<c>Room.RackLoad</c>).
/// </summary>
internal sealed record FeatureEdge(string From, string Type, string Why);
