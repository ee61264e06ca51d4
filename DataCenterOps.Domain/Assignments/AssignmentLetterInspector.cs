namespace DataCenterOps.Domain.Assignments;

/// <summary>A Pemeriksa named on a Surat Tugas.</summary>
public sealed class AssignmentLetterInspector
{
    public Guid LetterId { get; set; }
    public string UserId { get; set; } = "";
}
