using A64Asm.Assembler.Layout.Debug;

namespace A64Asm.Assembler.Tests.Layout;

/// <summary>
/// .file N, .loc and -g: the line-program opcodes GNU as chooses, a whole .debug_line against bytes GNU as 2.40
/// wrote for the same input, the unit's strings, and the errors. Whole objects against GNU as are the debug-*.s
/// vectors in tests/vectors/elf.
/// </summary>
public class DebugLineTests
{
    private static string Program(Action<List<byte>> write)
    {
        var bytes = new List<byte>();
        write(bytes);
        return Convert.ToHexString(bytes.ToArray()).ToLowerInvariant();
    }

    [Theory]
    [InlineData(1, 4, "21")]          // special opcode: line +1, one instruction
    [InlineData(0, 0, "01")]          // nothing moves: DW_LNS_copy
    [InlineData(9, 0, "030901")]      // past line_base + line_range: advance_line, then copy
    [InlineData(-6, 4, "037a20")]     // below line_base: advance_line -6, then the special opcode for the address
    [InlineData(-5, 4, "1b")]         // line_base itself still fits a special opcode
    [InlineData(1, 17 * 4, "08" + "13")]       // 17 units: DW_LNS_const_add_pc and a special opcode for the rest (0)
    [InlineData(1, 18 * 4, "08" + "21")]       // too far for one special opcode: const_add_pc and the special opcode
    [InlineData(1, 300 * 4, "02ac02" + "13")]  // too far for both: advance_pc, then the special opcode with no address step
    [InlineData(100000, 8, "03a08d06" + "2e")]            // a large line step: advance_line, then a special opcode for the address
    [InlineData(100000, 300 * 4, "03a08d06" + "02ac02" + "01")] // and a large address step: advance_line, advance_pc, copy
    [InlineData(1, 6, "21")]          // bytes short of a whole instruction are dropped, as GNU as does
    public void Row_steps_use_the_opcodes_GNU_as_chooses(long line, long address, string expected) =>
        Assert.Equal(expected, Program(b => LineProgramEncoder.AdvanceRow(b, line, address)));

    [Theory]
    [InlineData(0, "000101")]
    [InlineData(4, "0201000101")]
    [InlineData(17 * 4, "08000101")]
    [InlineData(18 * 4, "0212000101")]
    public void A_sequence_ends_with_the_step_to_the_section_end(long address, string expected) =>
        Assert.Equal(expected, Program(b => LineProgramEncoder.EndOfSequence(b, address)));

    [Fact]
    public void Loc_rows_match_the_line_table_GNU_as_writes()
    {
        var obj = Asm.Object(
            ".file 1 \"src/b.c\"\n.file 2 \"inc/h.h\"\n.text\n.loc 1 10 3\n  mov x0, #1\n.loc 1 11 0 prologue_end\n  nop\n" +
            ".loc 2 5 1 is_stmt 0\n  nop\n.loc 1 2 0 discriminator 3 basic_block epilogue_begin isa 2\n  ret\n");
        // aarch64-linux-gnu-as 2.40 on the same text, readelf -x .debug_line.
        const string gas = "5d0000000300290000000401fb0e0d00010101010000000100000173726300696e630000622e6300010000682e68000200000005"
            + "03000902000000000000000003090105000a210402050106037a2004010500000204030c02070b1d0201000101";
        var line = obj.Sections.Single(s => s.Name == ".debug_line");
        Assert.Equal(gas, Convert.ToHexString(line.Data).ToLowerInvariant());
        var setAddress = Assert.Single(line.Relocations);
        Assert.Equal(0x38, setAddress.Offset);
        Assert.Equal((Isa.Fixups.FixupKind.Abs64, 0L), (setAddress.Kind, setAddress.Addend));
        Assert.EndsWith(":.text", setAddress.Symbol?.Name); // the section's own symbol in the object file
        // .loc alone: GNU as's DWARF 3 unit, named after file 1, in '.', by "GNU AS 2.40".
        Assert.Equal("src/b.c\0.\0GNU AS 2.40\0", System.Text.Encoding.ASCII.GetString(obj.Sections.Single(s => s.Name == ".debug_str").Data));
        Assert.Equal(3, obj.Sections.Single(s => s.Name == ".debug_info").Data[4]);
    }

    [Fact]
    public void Minus_g_names_the_source_as_given_and_writes_a_DWARF_2_unit()
    {
        var obj = Asm.Object("mov x0, #1\n\n\nret\n", options: new AssemblerOptions { DwarfVersion = 2 });
        Assert.Equal("test.s\0.\0GNU AS 2.40\0", System.Text.Encoding.ASCII.GetString(obj.Sections.Single(s => s.Name == ".debug_str").Data));
        Assert.Equal(2, obj.Sections.Single(s => s.Name == ".debug_info").Data[4]);
        var line = obj.Sections.Single(s => s.Name == ".debug_line").Data;
        // set_address, line 1 (copy), then 3 lines and one instruction on, then the end one instruction later.
        Assert.Equal("0009020000000000000000" + "01" + "23" + "0201000101", Convert.ToHexString(line[^18..]).ToLowerInvariant());
    }

    [Fact]
    public void File_zero_makes_a_DWARF_5_table_with_its_strings_in_debug_line_str()
    {
        var obj = Asm.Object(".file 0 \"/b\" \"src/a.c\"\n.file 1 \"src/a.c\"\n.loc 1 2\nnop\n");
        var line = obj.Sections.Single(s => s.Name == ".debug_line").Data;
        Assert.Equal(5, line[4]);
        // Directory 0 (the .file 0 one), directory 1 from the name, then file 0's and file 1's names, each once.
        Assert.Equal("/b\0src\0a.c\0a.c\0", System.Text.Encoding.ASCII.GetString(obj.Sections.Single(s => s.Name == ".debug_line_str").Data));
        Assert.Equal(5, obj.Sections.Single(s => s.Name == ".debug_info").Data[4]);
    }

    [Fact]
    public void A_file_without_instructions_gets_no_debug_sections()
    {
        var obj = Asm.Object(".data\n.word 1\n.file 1 \"a.c\"\n.loc 1 3\n", options: new AssemblerOptions { DwarfVersion = 2 });
        Assert.DoesNotContain(obj.Sections, s => s.Name.StartsWith(".debug_"));
    }

    [Fact]
    public void View_symbols_take_the_number_of_rows_before_them_at_their_address()
    {
        var obj = Asm.Object(".file 1 \"a.c\"\n.loc 1 1 view .LV0\n.loc 1 2 view .LV1\n.loc 1 3 view .LV2\nnop\n.loc 1 4 view .LV3\nnop\n"
            + ".data\n.byte .LV0, .LV1, .LV2, .LV3\n");
        Assert.Equal("00010200", Convert.ToHexString(obj.Sections.Single(s => s.Name == ".data").Data));
    }

    [Theory]
    [InlineData(".loc 1 1\n", "test.s:1:1: error: unassigned file number 1")]
    [InlineData(".file 1 \"x.c\"\n.loc 0 1\n", "test.s:2:1: error: file number less than one")]
    [InlineData(".file 1 \"x.c\"\n.file 1 \"y.c\"\n", "test.s:2:7: error: file table slot 1 is already occupied by a different file (x.c vs y.c)")]
    [InlineData(".file -1 \"x.c\"\n", "test.s:1:7: error: file number less than one")]
    [InlineData(".file 65536 \"x.c\"\n", "test.s:1:7: error: file number 65536 is too big (at most 65535)")]
    [InlineData(".file 1 \"dir\" \"x.c\"\n", "test.s:1:15: error: junk at end of line, first unrecognized character is `\"'")]
    [InlineData(".file 0 \"d\" \"x.c\" md5 0xffffffffffffffff\n", "test.s:1:23: error: md5 value too small or not a constant")]
    [InlineData(".file 0 \"d\" \"x.c\" md5 sym\n", "test.s:1:23: error: md5 value too small or not a constant")]
    [InlineData(".file 0 \"d\" \"x.c\" md5\n", "test.s:1:22: error: md5 value too small or not a constant")]
    [InlineData(".file 1 \"x.c\" md5 0x10000000000000000\n", "test.s:1:15: error: junk at end of line, first unrecognized character is `m'")]
    [InlineData(".file 0 \"d\" \"x.c\"\n.file 1 \"x.c\" md5 0x10000000000000000\n.file 1 \"x.c\" md5 0x10000000000000001\n", "test.s:3:7: error: file table slot 1 is already occupied by a different file (d/x.c vs x.c)")]
    [InlineData(".file 1 x.c\n", "test.s:1:9: error: missing string")]
    [InlineData(".file 1 \"x.c\" 7\n", "test.s:1:15: error: junk at end of line, first unrecognized character is `7'")]
    [InlineData(".file 1 \"x.c\"\n.loc 1\n", "test.s:2:7: error: missing line number")]
    [InlineData(".file 1 \"x.c\"\n.loc 1 2147483648\n", "test.s:2:8: error: line number 2147483648 is too big (at most 2147483647)")]
    [InlineData(".file 1 \"x.c\"\n.loc 1 2 0 is_stmt 2\n", "test.s:2:12: error: is_stmt value not 0 or 1")]
    [InlineData(".file 1 \"x.c\"\n.loc 1 2 0 isa -1\n", "test.s:2:16: error: isa number less than zero")]
    [InlineData(".file 1 \"x.c\"\n.loc 1 2 0 discriminator 4294967296\n", "test.s:2:26: error: discriminator 4294967296 is too big (at most 2147483647)")]
    [InlineData(".file 1 \"x.c\"\n.loc 1 2 0 bogus\n", "test.s:2:12: error: unknown .loc sub-directive `bogus'")]
    [InlineData(".file 1 \"x.c\"\n.loc 1 2 view 1+\n", "test.s:2:15: error: view operand `1+' is not 0, -0 or a symbol name")]
    [InlineData(".file 1 \"x.c\"\n.loc 1 2 view .L1\n.loc 1 3 view 0\n", "test.s:3:15: error: view number mismatch: the row's view is 1, not 0")]
    [InlineData(".loc_mark_labels 2\n", "test.s:1:18: error: expected 0 or 1")]
    [InlineData(".loc_mark_labels\n", "test.s:1:17: error: expected 0 or 1")]
    public void Bad_file_and_loc_directives_are_refused(string source, string expected) => Assert.Equal(expected, Asm.ErrorLine(source));
}
