namespace DataCenterOps.Tests.Web.Architecture;

/// <summary>
/// A web source file that names a feature's type. <paramref name="From"/> is the file's own feature, or
/// <see cref="FeatureReferences.Kernel"/> for the kernel; <paramref name="Type"/> is relative to <c>DataCenterOps.Web.Features</c>
/// (a namespace, ending in <c>.*</c>, when a kernel file imports a feature's namespace).
/// </summary>
internal sealed record FeatureReference(string File, string From, string Type)
{
    public override string ToString() => $"{File} ({From}) uses {Type}";
}
