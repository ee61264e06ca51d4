namespace DataCenterOps.Web.Features.Access.Resources;

/// <summary>Marker for the access register's texts (AccessText.resx: Bahasa Indonesia, the default; AccessText.en.resx: English).</summary>
public sealed class AccessText;
