namespace DataCenterOps.Web.Shared.Forms;

public enum NumberParseOutcome
{
    /// <summary>Nothing typed.</summary>
    Empty,
    /// <summary>A number, read without doubt.</summary>
    Number,
    /// <summary>A number, but one separator could be read two ways ("1.234" in id-ID): read per the culture's grouping, to be shown back.</summary>
    Ambiguous,
    /// <summary>Not a number; the typed text is kept for correction.</summary>
    Invalid,
}
