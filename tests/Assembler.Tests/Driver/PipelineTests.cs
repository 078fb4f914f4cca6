using System.Text;
using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Driver;

/// <summary>Long inputs cross the parallel front end's batches; answers and errors must be those of a sequential run.</summary>
public class PipelineTests
{
    [Fact]
    public void If_sees_every_set_before_it_across_batches()
    {
        var sb = new StringBuilder(".set n, 0\n.data\n");
        for (int i = 0; i < 3000; i++)
            sb.Append(".set n, n + 1\n.if n == 2500\n.byte 0xaa\n.endif\n");
        sb.Append(".byte n & 0xff\n");
        var obj = AsmDriver.AssembleText("p.s", sb.ToString(), new AssemblerOptions(), new CollectingDiagnostics());
        Assert.Equal(new byte[] { 0xaa, 3000 & 0xff }, obj.Sections.Single(s => s.Name == ".data").Data);
    }

    [Fact]
    public void The_first_error_in_line_order_wins()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 600; i++) sb.Append("nop\n");
        sb.Append(".org 0\n");                       // line 601: a layout error
        for (int i = 0; i < 2000; i++) sb.Append("nop\n");
        sb.Append("add x0, x1 x2\n");               // a later syntax error
        var error = Assert.Throws<AsmError>(() => AsmDriver.AssembleText("p.s", sb.ToString(), new AssemblerOptions(), new CollectingDiagnostics()));
        Assert.Equal(601, error.Location!.Pos.Line);
    }

    [Fact]
    public void Many_local_labels_resolve_like_gas()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 1500; i++) sb.Append("1: b 1f\n b 1b\n");
        sb.Append("1: ret\n");
        byte[] text = AsmDriver.AssembleText("p.s", sb.ToString(), new AssemblerOptions(), new CollectingDiagnostics())
            .Sections.Single(s => s.Name == ".text").Data;
        Assert.Equal(0x14000002u, BitConverter.ToUInt32(text, 0));     // b 1f: two words on
        Assert.Equal(0x17ffffffu, BitConverter.ToUInt32(text, 4));     // b 1b: one word back
    }
}
