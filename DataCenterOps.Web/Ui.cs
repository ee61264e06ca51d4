namespace DataCenterOps.Web;

/// <summary>
/// Marker for every user-visible text: Resources/Ui.resx (Bahasa Indonesia, the neutral default) and Ui.en.resx
/// (English). Keys are grouped by prefix (Room.*, Access.*, Routine.*, SopError.*, Refusal.*, Account.*, ...).
/// </summary>
public sealed class Ui;
