
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Reading;

/// <summary>A file kept as UTF-8 bytes must split into the same lines as the same file decoded to a string.</summary>
public class SourceLinesTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("nop")]
    [InlineData("nop\n")]
    [InlineData("nop\r\nret\r\n")]
    [InlineData("nop\r\nret\r")]
    [InlineData("a\n\nb\n\n")]
    [InlineData("// größe: ✓\n.ascii \"é\"\r\n")]
    public void Bytes_and_text_give_the_same_lines(string text)
    {
        var fromText = new SourceText("t.s", text).Lines;
        var fromBytes = new SourceText("t.s", System.Text.Encoding.UTF8.GetBytes(text), 0).Lines;
        Assert.Equal(fromText.ToArray(), fromBytes.ToArray());
        Assert.Equal(fromText.Length, fromBytes.Length);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_and_lines_are_numbered_from_the_first()
    {
        string path = Path.Combine(Path.GetTempPath(), $"a64asm-bom-{Environment.ProcessId}.s");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("nop\r\nadd x0, x1, #1\n")]);
        try
        {
            var source = SourceFiles.Open(path)!;
            Assert.Equal(["nop", "add x0, x1, #1"], source.Lines.ToArray());
            Assert.Equal("add x0, x1, #1", source.LineText(2));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
