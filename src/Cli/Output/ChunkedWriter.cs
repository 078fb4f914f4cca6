using System.Text;

namespace A64Asm.Cli.Output;

/// <summary>
/// Collects text and passes it on to <paramref name="inner"/> in chunks of about 64 KiB: Console.Out writes through
/// on every call, and a listing of millions of lines made a system call per line. Whatever writer the command was
/// given (a test's, a redirected one) still receives everything, in order.
/// </summary>
internal sealed class ChunkedWriter(TextWriter inner) : TextWriter
{
    private const int ChunkChars = 1 << 16;
    private readonly StringBuilder _pending = new(ChunkChars + 1024);

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        _pending.Append(value);
        if (_pending.Length >= ChunkChars) Pass();
    }

    public override void Write(string? value)
    {
        _pending.Append(value);
        if (_pending.Length >= ChunkChars) Pass();
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        _pending.Append(buffer);
        if (_pending.Length >= ChunkChars) Pass();
    }

    public override void Flush()
    {
        Pass();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }

    private void Pass()
    {
        foreach (var chunk in _pending.GetChunks())
            inner.Write(chunk.Span);
        _pending.Clear();
    }
}
