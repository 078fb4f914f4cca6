using A64Asm.Isa.Explain;

namespace A64Asm.Isa.Tests;

/// <summary>explain on AdvSIMD forms: vector fields are named by what they select, not by their operand kind.</summary>
public class ExplainVectorFormsTests
{
    static string[] Lines(uint word)
    {
        Assert.True(InstructionExplainer.TryExplain(word, null, out var e));
        return ExplainText.Render(e).Split('\n');
    }

    [Fact]
    public void A_lane_load_with_post_index_names_list_lane_and_increment()
    {
        var lines = Lines(0x0ddfb0d4); // ld3 {v20.s-v22.s}[1], [x6], #12
        Assert.Equal("ld3 {v20.s-v22.s}[1], [x6], #12", lines[0]);
        Assert.Equal("form:    LD3_S_lane_post  ld3 VLane.3(Rt,Q,S), MemPostList(Rn,Rm)  [simd]", lines[1]);
        Assert.Contains("  Q  [30]    = 0 = 0        → bit of the lane index → {v20.s-v22.s}[1]", lines);
        Assert.Contains("  Rm [20:16] = 11111 = 31   → 31: post-index by the bytes moved → [x6], #12", lines);
        Assert.Contains("  Rt [4:0]   = 10100 = 20   → first register of the list {v20.s-v22.s}[1]", lines);
    }

    [Fact]
    public void A_by_element_multiply_names_the_index_bits()
    {
        var lines = Lines(0x4f7f88e3); // mul v3.8h, v7.8h, v15.h[7]
        Assert.Equal("mul v3.8h, v7.8h, v15.h[7]", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  H ") && l.EndsWith("→ bit of the element index → v15.h[7]"));
        Assert.Contains(lines, l => l.StartsWith("  Rm ") && l.EndsWith("→ second source register v15 (one element of it: v15.h[7])"));
        Assert.Contains(lines, l => l.StartsWith("  Rd ") && l.EndsWith("→ destination register v3.8h"));
    }

    [Fact]
    public void A_shifted_byte_immediate_shows_its_parts()
    {
        var lines = Lines(0x6f0767e1); // mvni v1.4s, #0xff, lsl #24
        Assert.StartsWith("mvni v1.4s, #0xff, lsl #24", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  sh ") && l.EndsWith("→ shift lsl #24"));
    }
}
