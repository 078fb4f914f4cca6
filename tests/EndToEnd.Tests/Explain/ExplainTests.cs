namespace A64Asm.EndToEnd.Tests.Explain;

/// <summary>`a64asm explain`: the encoding diagram, derived from the instruction table.</summary>
public class ExplainTests
{
    const string LdpExplained =
        "ldp x22, x23, [x21, #16]\n" +
        "form:    LDP_64_off  ldp X(Rt), X(Rt2), MemOff7.8(Rn,imm7)  [base]\n" +
        "word:    0xa9415eb6\n" +
        "\n" +
        "  31  29  26 25  22 21      14    9     4\n" +
        "  10  101 0  010 1  0000010 10111 10101 10110\n" +
        "  opc -   V  -   L  imm7    Rt2   Rn    Rt\n" +
        "\n" +
        "  opc  [31:30] = 10 = 2      → fixed: opc = 10\n" +
        "  -    [29:27] = 101 = 5     → fixed opcode bits\n" +
        "  V    [26]    = 0 = 0       → fixed: V = 0\n" +
        "  -    [25:23] = 010 = 2     → fixed opcode bits\n" +
        "  L    [22]    = 1 = 1       → fixed: L = 1\n" +
        "  imm7 [21:15] = 0000010 = 2 → offset 2 × 8 = 16 bytes\n" +
        "  Rt2  [14:10] = 10111 = 23  → second transfer register x23\n" +
        "  Rn   [9:5]   = 10101 = 21  → base register x21\n" +
        "  Rt   [4:0]   = 10110 = 22  → transfer register x22\n" +
        "\n" +
        "alias:   none (this form is printed as itself)\n";

    [Fact]
    public void Ldp_from_assembly_text_in_full()
    {
        var (status, stdout, stderr) = Cli.Run("explain", "ldp x22, x23, [x21, #16]");
        Assert.True(status == 0, stderr);
        Assert.Equal(LdpExplained, stdout);
    }

    [Fact]
    public void Ldp_from_a_word_names_the_same_fields()
    {
        var (status, stdout, _) = Cli.Run("explain", "0xa94166b8");
        Assert.Equal(0, status);
        var lines = stdout.Split('\n');
        Assert.Equal("ldp x24, x25, [x21, #16]", lines[0]);
        Assert.Contains("  imm7 [21:15] = 0000010 = 2 → offset 2 × 8 = 16 bytes", lines);
        Assert.Contains("  Rn   [9:5]   = 10101 = 21  → base register x21", lines);
        Assert.Contains("  Rt2  [14:10] = 11001 = 25  → second transfer register x25", lines);
    }

    [Fact]
    public void Mov_is_shown_as_an_alias_of_orr()
    {
        var (status, stdout, _) = Cli.Run("explain", "mov x16, xzr");
        Assert.Equal(0, status);
        var lines = stdout.Split('\n');
        Assert.Equal("form:    ORR_64_shift  orr X(Rd), X(Rn), X(Rm), ShiftL.64(shift,imm6)?  [base]", lines[1]);
        Assert.Equal("syntax:  mov X(Rd), X(Rm)", lines[2]);
        Assert.Contains("  Rn    [9:5]   = 11111 = 31 → source register xzr", lines);
        Assert.Contains("alias:   `mov x16, xzr` is an alias of `orr x16, xzr, xzr` (ORR_64_shift)", lines);
        // The same word given as hex reaches the same alias through the formatter's preferred row.
        Assert.Equal(stdout, Cli.Run("explain", "0xaa1f03f0").Stdout);
    }

    [Fact]
    public void The_form_itself_names_its_preferred_alias()
    {
        var (status, stdout, _) = Cli.Run("explain", "orr x16, xzr, xzr");
        Assert.Equal(0, status);
        Assert.EndsWith("alias:   `orr x16, xzr, xzr` is the form itself; its preferred disassembly is the alias `mov x16, xzr`\n", stdout);
    }

    [Fact]
    public void Branch_offsets_are_scaled_words()
    {
        var (status, stdout, _) = Cli.Run("explain", "0x54fffea1");
        Assert.Equal(0, status);
        Assert.Contains("  imm19 [23:5]  = 1111111111111110101 = 524277 → offset -11 × 4 = -44 bytes → target 0xffffffffffffffd4", stdout.Split('\n'));
        Assert.Contains("  cond  [3:0]   = 0001 = 1                     → condition ne", stdout.Split('\n'));
    }

    [Fact]
    public void An_unallocated_word_is_an_error()
    {
        var (status, stdout, stderr) = Cli.Run("explain", "0x00010000");
        Assert.Equal(1, status);
        Assert.Equal("", stdout);
        Assert.Equal("a64asm: error: 0x00010000 is not an instruction the table allocates (.inst 0x00010000 ; undefined)\n", stderr);
    }

    [Fact]
    public void Udf_is_a_form_with_its_immediate_in_the_low_half()
    {
        var (status, stdout, stderr) = Cli.Run("explain", "udf #4660");
        Assert.True(status == 0, stderr);
        var lines = stdout.Split('\n');
        Assert.Equal("udf #4660", lines[0]);
        Assert.Equal("form:    UDF  udf UImm(imm16)  [base]", lines[1]);
        Assert.Equal("word:    0x00001234", lines[2]);
        Assert.Contains("  imm16 [15:0]  = 0001001000110100 = 4660 → an unsigned immediate → #4660", lines);
    }

    [Fact]
    public void Bad_assembly_reports_the_assembler_error_with_its_column()
    {
        var (status, _, stderr) = Cli.Run("explain", "ldp x22");
        Assert.Equal(1, status);
        Assert.StartsWith("<explain>:1:1: error: comma expected between operands\n", stderr);
    }
}
