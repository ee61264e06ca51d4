namespace DataCenterOps.Monitoring.Profiles;

/// <summary>A profile file that cannot be used; the message names the file and, where it applies, the point.</summary>
public sealed class ProfileValidationException : Exception
{
    public ProfileValidationException(string file, string? point, string problem, Exception? inner = null)
        : base(Format(file, point, problem), inner)
    {
        File = file;
        Point = point;
    }

    public string File { get; }

    public string? Point { get; }

    private static string Format(string file, string? point, string problem) =>
        point is null
            ? $"Device profile file '{file}': {problem}"
            : $"Device profile file '{file}', point '{point}': {problem}";
}
