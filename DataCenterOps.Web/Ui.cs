namespace DataCenterOps.Web;

/// <summary>Marker for the UI texts in Resources/Ui.resx (English) and Ui.id.resx (Bahasa Indonesia).</summary>
public sealed class Ui;
