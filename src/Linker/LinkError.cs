namespace A64Asm.Linker;

/// <summary>
/// A link that cannot produce an image. <see cref="Exception.Message"/> is the user-facing text, one line per
/// problem in GNU ld's words (ld reports every undefined reference, not just the first, and so do we).
/// </summary>
public sealed class LinkError : Exception
{
    public LinkError(string message) : this([message]) { }

    public LinkError(IReadOnlyList<string> messages) : base(string.Join('\n', messages)) => Messages = messages;

    public IReadOnlyList<string> Messages { get; }

    // The message is the whole report: callers print it as is, never a stack trace.
    public override string ToString() => Message;
}
