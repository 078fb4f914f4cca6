using System.Text;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Layout;

/// <summary>
/// Receives the assembler listing (<c>-a</c> / <c>--listing</c>): one call per listed source line, in source order,
/// after the object is finished, so <paramref name="bytes"/> are final (branches resolved at the end, deferred
/// encodings, literal pools, .org fills). An empty <paramref name="bytes"/> is a label or directive line that
/// produced nothing. In a NOBITS section (.bss) only the first 64 bytes are passed (all zero).
/// </summary>
public interface IListingSink
{
    void Line(string section, long offset, ReadOnlySpan<byte> bytes, SourceLine line);
}

/// <summary>
/// Formats the listing in the columns of <c>as -al</c> (without page headers):
/// <code>
///   53 0000 52070058 	 ldr x18,.Lkimage_head
///   54 0004 20003BD5 	 dcache_line_size ...
///  158 1000 F0000000 	 .quad ...
///  158      00000000 
/// </code>
/// Line number (4 wide), address in its section (4+ hex digits), up to 4 bytes in memory order, a tab and the text.
/// Longer data continues on lines holding only the line number and 4 more bytes, at most 4 of them, as gas
/// (--listing-cont-lines default); the rest is left out, as gas does.
/// Conventions where this assembler differs from gas (which prints the preprocessed stream and hides macro bodies):
/// <list type="bullet">
/// <item>The line number is always a line of the file given on the command line: the line itself, or the #include /
/// .include / macro use that brought it in. So it reads like gas's numbers for an unpreprocessed file.</item>
/// <item>The text is the line as the user wrote it (before cpp). A line from another file is prefixed
/// <c>FILE:LINE: </c>; a line produced by a .macro / .rept / .irp expansion is prefixed <c>FILE:LINE+ </c>
/// (the '+' marks expansion) and shows the expanded text, since its bytes come from that text.</item>
/// <item>Literals placed at the end of a section (no .ltorg) belong to no line and are not listed.</item>
/// </list>
/// Paths are shown as the user or the #include named them, never made absolute.
/// </summary>
public sealed class ListingWriter : IListingSink
{
    // gas: LISTING_LHS_WIDTH (bytes per line) and --listing-cont-lines default.
    private const int BytesPerLine = 4;
    private const int MaxContinuationLines = 4;

    private readonly StringBuilder _text = new();

    public void Line(string section, long offset, ReadOnlySpan<byte> bytes, SourceLine line)
    {
        var (number, text) = Describe(line);
        if (bytes.IsEmpty)
        {
            _text.Append($"{number,4}              \t{text}\n");
            return;
        }
        int first = Math.Min(bytes.Length, BytesPerLine);
        _text.Append($"{number,4} {offset:x4} {Hex(bytes[..first]),-8} \t{text}\n");
        int shown = first;
        for (int cont = 0; cont < MaxContinuationLines && shown < bytes.Length; cont++)
        {
            int n = Math.Min(bytes.Length - shown, BytesPerLine);
            // gas ends a full group with a space and a partial one without.
            _text.Append($"{number,4}      {Hex(bytes.Slice(shown, n))}{(n == BytesPerLine ? " " : "")}\n");
            shown += n;
        }
    }

    /// <summary>The listing so far.</summary>
    public override string ToString() => _text.ToString();

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);

    private static (int Number, string Text) Describe(SourceLine line)
    {
        var pos = line.Location.Pos;
        var context = line.Location.Context;
        // gas numbers listing lines as they stand in the file it reads, whatever line markers say.
        if (context is null)
            return (pos.File.PhysicalLine(pos.Line), pos.File.LineText(pos.Line));
        var outer = context;
        bool expanded = false;
        for (var f = context; f is not null; f = f.Outer)
        {
            expanded |= f.Kind != ExpansionKind.IncludedFrom;
            outer = f;
        }
        // A header's line in gcc -E output: its include chain comes from line markers, the line stands in the file read.
        if (!expanded && pos.File.IsRenumbered)
            return (pos.File.PhysicalLine(pos.Line), pos.File.LineText(pos.Line));
        // Expanded text differs from the macro body (parameters substituted); included text is the file's own line.
        string body = expanded ? line.Text.TrimEnd() : pos.File.LineText(pos.Line);
        return (outer.At.Line, $"{pos.File.DisplayPath}:{pos.Line}{(expanded ? "+" : ":")} {body}");
    }
}
