using A64Asm.Verifier.Kexec;
using Xunit.Abstractions;

namespace A64Asm.Verifier.Tests.Conventions;

/// <summary>Each hand-off convention: picked from what the build defines, and a correct routine passes under it.</summary>
public class ConventionTests(ITestOutputHelper output)
{
    internal static KimageFieldOffsets Fields()
    {
        var values = new Dictionary<string, ulong>();
        Assert.True(KimageFieldNames.TryAddHeader(values, Programs.KimageHeader, "kimage.h", out string error), error);
        return KimageFieldNames.Build(values, out error) ?? throw new InvalidOperationException(error);
    }

    /// <summary>Runs with the convention; kimage-struct as v5.15 on enters it (MMU on) unless <paramref name="mmuOn"/> says otherwise.</summary>
    internal VerifyReport Verify(byte[] code, KexecConvention convention, KimageFieldOffsets? fields = null, bool caches = false, string reason = "", bool mmuOn = true)
    {
        var report = KexecVerifier.Verify(code, new KexecLayout(0, 0), new VerifyOptions
        {
            Convention = convention, ConventionReason = reason, KimageFields = fields, Pages = 24, Seed = 5, Caches = caches,
            KernelMapAtEntry = mmuOn && convention == KexecConvention.KimageStructure,
        });
        output.WriteLine(report.ToText());
        return report;
    }

    [Fact]
    public void Regs_dtb_routine_is_picked_by_its_size_quad_and_x2_read_and_passes()
    {
        var built = Built.From(Programs.RegsDtb());
        var choice = built.Pick()!;
        Assert.Equal(KexecConvention.RegisterArguments, choice.Convention);
        Assert.Equal("arm64_relocate_new_kernel_size marks the code and it reads x2 at entry: head in x0, start in x1, DTB in x2 (v5.0 to v5.14)", choice.Reason);
        var report = Verify(built.ControlCode, choice.Convention);
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(24, report.PagesCopied);
        Assert.Equal(new ulong[] { 0x7FE0_0000, 0, 0, 0 }, report.EntryRegisters);
        Assert.Equal("regs-dtb", report.Convention);
    }

    [Fact]
    public void Regs_routine_without_a_dtb_is_picked_as_regs_and_passes()
    {
        var built = Built.From(Programs.Regs());
        var choice = built.Pick()!;
        Assert.Equal(KexecConvention.RegisterArgumentsWithoutDtb, choice.Convention);
        var report = Verify(built.ControlCode, choice.Convention, reason: choice.Reason);
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(new ulong[] { 0, 0, 0, 0 }, report.EntryRegisters);
        Assert.Contains("  convention: regs; arm64_relocate_new_kernel_size marks the code and it does not read x2 at entry", report.ToText());
    }

    [Fact]
    public void Only_the_bytes_the_size_quad_names_are_copied()
    {
        var built = Built.From(Programs.RegsDtb());
        var code = built.Offsets.ControlCode!;
        Assert.Equal(0UL, code.Offset);
        // The routine up to .Lcopy_end: 4 at entry, 31 walking and copying, 5 for the branch; not the size quad.
        Assert.Equal(40UL * 4, code.Size);
        Assert.Equal(built.File.Length - 8, (int)code.Size);
    }

    [Fact]
    public void Kimage_struct_routine_cut_with_j_is_picked_from_its_section_and_passes_from_mmu_on()
    {
        var built = Built.From(Programs.KimageStruct(), Programs.KimageHeader, ".kexec_relocate.text");
        var choice = built.Pick()!;
        Assert.Equal(KexecConvention.KimageStructure, choice.Convention);
        Assert.Equal(".kexec_relocate.text holds the code: x0 points at a struct kimage, entered with the MMU on (v5.15 on)", choice.Reason);
        Assert.True(choice.KernelMapAtEntry);
        Assert.Equal(built.File, built.ControlCode);
        var report = Verify(built.ControlCode, choice.Convention, Fields());
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(24, report.PagesCopied);
        Assert.Equal(new ulong[] { 0x7FE0_0000, 0, 0, 0 }, report.EntryRegisters);
    }

    [Fact]
    public void Kimage_struct_routine_in_a_whole_image_is_found_by_its_section()
    {
        var built = Built.From(Programs.KimageStruct(), Programs.KimageHeader);
        Assert.Equal(4UL, built.Offsets.ControlCode!.Offset);   // after other_code's ret in .text
        Assert.Equal(KexecConvention.KimageStructure, built.Pick()!.Convention);
        Assert.True(Verify(built.ControlCode, KexecConvention.KimageStructure, Fields()).Passed);
    }

    [Fact]
    public void Kimage_struct_with_caches_on_cleans_every_destination_line_it_wrote_with_the_mmu_on()
    {
        // Entered with SCTLR.M and C set, the copy is cacheable: only the routine's dc civac gets it to memory.
        var built = Built.From(Programs.KimageStruct(), Programs.KimageHeader, ".kexec_relocate.text");
        var report = Verify(built.ControlCode, KexecConvention.KimageStructure, Fields(), caches: true);
        Assert.True(report.Passed, report.ToText());   // machine_kexec invalidated the I-cache over the copied code
        Assert.Equal(24, report.PagesCopied);
    }

    [Fact]
    public void Kimage_struct_under_the_kernel_map_runs_alike_on_both_engines()
    {
        var built = Built.From(Programs.KimageStruct(), Programs.KimageHeader, ".kexec_relocate.text");
        VerifyReport Run(A64Asm.Verifier.Emulation.ExecutionEngine engine) => KexecVerifier.Verify(built.ControlCode, new KexecLayout(0, 0),
            new VerifyOptions { Convention = KexecConvention.KimageStructure, KimageFields = Fields(), KernelMapAtEntry = true, Pages = 8, Seed = 3, Engine = engine });
        var blocks = Run(A64Asm.Verifier.Emulation.ExecutionEngine.Blocks);
        var interpreter = Run(A64Asm.Verifier.Emulation.ExecutionEngine.Interpreter);
        Assert.True(blocks.Passed, blocks.ToText());
        Assert.True(interpreter.Passed, interpreter.ToText());
        Assert.Equal((interpreter.Instructions, interpreter.Loads, interpreter.Stores), (blocks.Instructions, blocks.Loads, blocks.Stores));
    }

    [Fact]
    public void Kimage_fields_given_pick_kimage_struct_before_the_size_quad_entered_with_the_mmu_off()
    {
        var choice = Built.From(Programs.RegsDtb()).Pick(kimageFieldsGiven: true)!;
        Assert.Equal(KexecConvention.KimageStructure, choice.Convention);
        Assert.False(choice.KernelMapAtEntry);
    }

    [Fact]
    public void Kimage_struct_routine_as_posted_before_v5_15_runs_with_the_mmu_off_and_physical_addresses()
    {
        // The same routine in .text with its size quad: x0 and every list address physical, phys_offset 0.
        var source = Programs.KimageStruct().Replace(".pushsection \".kexec_relocate.text\", \"ax\"", "")
            .Replace(".popsection", ".Lend:\n.align 3\n.globl arm64_relocate_new_kernel_size\narm64_relocate_new_kernel_size: .quad .Lend - arm64_relocate_new_kernel");
        var built = Built.From(source, Programs.KimageHeader);
        Assert.Equal(A64Asm.Linker.Kexec.ControlCodeMark.SizeQuad, built.Offsets.ControlCode!.Mark);
        var choice = built.Pick(kimageFieldsGiven: true)!;
        var report = Verify(built.ControlCode, choice.Convention, Fields(), mmuOn: choice.KernelMapAtEntry);
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(24, report.PagesCopied);
    }


    internal VerifyReport VerifyThroughHypStub(byte[] code)
    {
        var report = KexecVerifier.Verify(code, new KexecLayout(0, 0), new VerifyOptions
        {
            Convention = KexecConvention.KimageStructure, KimageFields = Fields(), KernelMapAtEntry = true, HypStub = true, Pages = 24, Seed = 5,
        });
        output.WriteLine(report.ToText());
        return report;
    }

    [Fact]
    public void Kimage_struct_routine_leaves_through_the_hyp_stub_when_el2_vectors_are_set()
    {
        var built = Built.From(Programs.KimageStruct(), Programs.KimageHeader, ".kexec_relocate.text");
        var report = VerifyThroughHypStub(built.ControlCode);
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(new ulong[] { 0x7FE0_0000, 0, 0, 0 }, report.EntryRegisters);
        Assert.Equal(24, report.PagesCopied);
    }

    [Fact]
    public void Patched_globals_routine_is_picked_by_its_slots_and_hands_the_dtb_on()
    {
        var built = Built.From(Programs.PatchedGlobals());
        Assert.Equal(A64Asm.Linker.Kexec.ControlCodeMark.EarlySizeQuad, built.Offsets.ControlCode!.Mark);
        Assert.Equal(["dtb@0xa0", "kimage_head@0xa8", "kimage_start@0xb0"],
            built.Offsets.PatchSlots.Select(s => $"{s.Role}@0x{s.Offset:x}").OrderBy(s => s, StringComparer.Ordinal));
        var choice = built.Pick()!;
        Assert.Equal(KexecConvention.PatchedGlobals, choice.Convention);
        var report = KexecVerifier.Verify(built.ControlCode, built.GlobalsLayout(),
            new VerifyOptions { Convention = choice.Convention, Pages = 24, Seed = 5 });
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(new ulong[] { 0x7FE0_0000, 0, 0, 0 }, report.EntryRegisters);
    }

    [Fact]
    public void Nothing_that_tells_gives_no_choice()
    {
        Assert.Null(ConventionPicker.Pick(false, false, CodeMarking.None, [], false));
    }

    [Theory]
    [InlineData("patched-quads", KexecConvention.PatchedOffsets)]
    [InlineData("regs", KexecConvention.RegisterArgumentsWithoutDtb)]
    [InlineData("regs-dtb", KexecConvention.RegisterArguments)]
    [InlineData("kimage-struct", KexecConvention.KimageStructure)]
    public void Convention_names_round_trip(string name, KexecConvention convention)
    {
        Assert.Equal(convention, ConventionPicker.Parse(name));
        Assert.Equal(name, ConventionPicker.NameOf(convention));
    }

    [Fact]
    public void The_2015_sample_is_still_patched_quads()
    {
        var report = Vectors.Verify("sample-4k");
        Assert.True(report.Passed);
        Assert.Equal("patched-quads", report.Convention);
        Assert.Equal(KexecConvention.PatchedOffsets,
            ConventionPicker.Pick(true, false, CodeMarking.SizeQuad, Vectors.Blob("sample-4k"), false)!.Convention);
    }
}
