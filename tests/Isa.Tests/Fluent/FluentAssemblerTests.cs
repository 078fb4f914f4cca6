using A64Asm.Isa.Fluent;
using A64Asm.Isa.Operands;
using static A64Asm.Isa.Fluent.A64Registers;

namespace A64Asm.Isa.Tests.Fluent;

/// <summary>The fluent API writes relocate_kernel.S's body byte for byte as GNU as did.</summary>
public class FluentAssemblerTests
{
    const int PageSize = 4096;
    // IND_* bits of include/linux/kexec.h
    const int IndDestinationBit = 0, IndIndirectionBit = 1, IndDoneBit = 2, IndSourceBit = 3;

    static byte[] RelocateKernel()
    {
        var a = new A64CodeAssembler();
        var loop = a.CreateLabel();
        var testSource = a.CreateLabel();
        var testIndirection = a.CreateLabel();
        var testDestination = a.CreateLabel();
        var invalidate = a.CreateLabel();
        var copy = a.CreateLabel();
        var next = a.CreateLabel();
        var done = a.CreateLabel();
        var kimageStart = a.CreateLabel();
        var kimageHead = a.CreateLabel();

        a.Ldr(X18, kimageHead);
        // dcache_line_size x17, x0
        a.Mrs(X0, "ctr_el0").Ubfx(X0, X0, 16, 4).Mov(X17, 4).Lsl(X17, X17, X0);
        a.Mov(X16, Xzr).Mov(X15, Xzr).Mov(X14, Xzr);
        a.Cbz(X18, done).Tbnz(X18, IndDoneBit, done);

        a.Label(loop);
        a.And(X13, X18, -PageSize);
        a.Label(testSource);
        a.Tbz(X18, IndSourceBit, testIndirection);
        a.Mov(X20, X14).Mov(X21, X13);
        a.Mov(X0, X20).Add(X19, X0, PageSize).Sub(X1, X17, 1).Bic(X0, X0, X1);
        a.Label(invalidate);
        a.Dc("ivac", X0).Add(X0, X0, X17).Cmp(X0, X19).BCond(Cond.Lo, invalidate);
        a.Dsb("sy");
        a.Label(copy);
        a.Ldp(X22, X23, Mem(X21)).Ldp(X24, X25, Mem(X21, 16)).Ldp(X26, X27, Mem(X21, 32)).Ldp(X28, X29, Mem(X21, 48));
        a.Add(X21, X21, 64);
        a.Stnp(X22, X23, Mem(X20)).Stnp(X24, X25, Mem(X20, 16)).Stnp(X26, X27, Mem(X20, 32)).Stnp(X28, X29, Mem(X20, 48));
        a.Add(X20, X20, 64);
        a.Tst(X21, PageSize - 1).BCond(Cond.Ne, copy);
        a.Add(X14, X14, PageSize).B(next);

        a.Label(testIndirection);
        a.Tbz(X18, IndIndirectionBit, testDestination);
        a.Mov(X15, X13).B(next);
        a.Label(testDestination);
        a.Tbz(X18, IndDestinationBit, next);
        a.Mov(X16, X13).Mov(X14, X13);
        a.Label(next);
        a.Ldr(X18, MemPost(X15, 8));
        a.Tbz(X18, IndDoneBit, loop);

        a.Label(done);
        a.Dsb("sy").Isb().Ic("ialluis").Dsb("sy").Isb();
        a.Ldr(X4, kimageStart);
        a.Mov(X0, Xzr).Mov(X1, Xzr).Mov(X2, Xzr).Mov(X3, Xzr);
        a.Br(X4);

        a.Align(8);
        a.Label(kimageStart);
        a.Quad(0);
        a.Label(kimageHead);
        a.Quad(0);
        return a.Assemble(0);
    }

    [Fact]
    public void Relocate_kernel_body_matches_the_GNU_image()
    {
        byte[] code = RelocateKernel();
        byte[] image = File.ReadAllBytes(Repo.Path("tests/vectors/e2e/relocate_kernel.ps12.bin"));
        Assert.Equal(0xf0, code.Length);
        for (int i = 0; i < 0xe0; i += 4)
            Assert.True(BitConverter.ToUInt32(image, i) == BitConverter.ToUInt32(code, i),
                $"at 0x{i:x}: GNU 0x{BitConverter.ToUInt32(image, i):x8}, fluent 0x{BitConverter.ToUInt32(code, i):x8}");
    }

    [Fact]
    public void Labels_resolve_relative_to_the_base_address_only_where_pc_relative()
    {
        var a = new A64CodeAssembler();
        var target = a.CreateLabel();
        a.B(target).Nop();
        a.Label(target);
        a.Ret();
        byte[] code = a.Assemble(0xffff_0000_0008_0000);
        Assert.Equal(0x14000002u, BitConverter.ToUInt32(code, 0));
        Assert.Equal(0xd65f03c0u, BitConverter.ToUInt32(code, 8));
    }

    [Fact]
    public void Encoder_errors_come_through_with_its_message()
    {
        var a = new A64CodeAssembler();
        var e = Assert.Throws<A64AssemblerException>(() => a.Ldp(X22, X23, Mem(X21, 4)));
        Assert.Equal("ldp: immediate value must be a multiple of 8", e.Message);
    }

    [Fact]
    public void An_unbound_label_is_reported_at_assembly()
    {
        var a = new A64CodeAssembler();
        var nowhere = a.CreateLabel();
        a.Nop().Cbz(X0, nowhere);
        var e = Assert.Throws<A64AssemblerException>(() => a.Assemble());
        Assert.Equal("cbz at 0x4: label .Lfluent0 was never bound", e.Message);
    }

    [Fact]
    public void A_branch_out_of_range_gets_the_fixup_message()
    {
        var a = new A64CodeAssembler();
        var far = a.CreateLabel();
        a.Tbz(X1, 3, far);
        for (int i = 0; i < 8192; i++) a.Nop();
        a.Label(far);
        var e = Assert.Throws<A64AssemblerException>(() => a.Assemble());
        Assert.Equal("tbz at 0x0: conditional branch out of range", e.Message);
    }
}
