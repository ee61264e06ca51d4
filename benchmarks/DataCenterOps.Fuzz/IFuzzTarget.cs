namespace DataCenterOps.Fuzz;

/// <summary>
/// One decoder under fuzzing. <see cref="Run"/> returns true when the input was accepted and false when the decoder
/// refused it the one way it is allowed to (its typed exception); any other exception, or a broken invariant
/// (a re-encoding that decodes differently), escapes and counts as a crash.
/// </summary>
internal interface IFuzzTarget
{
    /// <summary>The name on the command line and the corpus folder (<c>corpus/NAME</c>).</summary>
    string Name { get; }

    /// <summary>The largest input worth trying; mutations are cut to it.</summary>
    int MaxInputLength { get; }

    bool Run(byte[] input);
}
