using A64Asm.Verifier.Kexec;
using Xunit.Abstractions;

namespace A64Asm.Verifier.Tests.Conventions;

/// <summary>Mistakes planted in the convention programs: each fails with its own exact finding.</summary>
public class ConventionMistakeTests(ITestOutputHelper output)
{
    private readonly ConventionTests runner = new(output);

    private Finding Only(VerifyReport report)
    {
        Assert.False(report.Passed);
        return Assert.Single(report.Findings);
    }

    [Fact]
    public void Regs_dtb_with_the_entry_left_in_x1_breaks_the_boot_protocol()
    {
        var built = Built.From(Programs.RegsDtb(Programs.NewKernelX0ToX3.Replace("mov     x1, xzr", "mov     x1, x17")));
        var f = Only(runner.Verify(built.ControlCode, built.Pick()!.Convention));
        Assert.Equal(FindingIds.BootProtocol, f.Id);
        Assert.Equal("x1-x3 nonzero at the branch to kimage_start: x1=0x80081000", f.Summary);
        Assert.Equal("br\tx17", f.Instruction);
    }

    [Fact]
    public void Regs_dtb_that_drops_the_dtb_is_named()
    {
        var built = Built.From(Programs.RegsDtb(Programs.NewKernelX0ToX3.Replace("mov     x0, x18", "mov     x0, xzr")));
        Assert.Equal(KexecConvention.RegisterArguments, built.Pick()!.Convention);
        var f = Only(runner.Verify(built.ControlCode, KexecConvention.RegisterArguments));
        Assert.Equal(FindingIds.BootProtocolDtb, f.Id);
        Assert.Equal("x0=0x0 at entry, but the DTB is at 0x7fe00000", f.Summary);
    }

    [Fact]
    public void A_v4_routine_held_to_regs_dtb_by_override_fails_on_the_dtb()
    {
        var built = Built.From(Programs.Regs());
        var f = Only(runner.Verify(built.ControlCode, ConventionPicker.Parse("regs-dtb")!.Value));
        Assert.Equal(FindingIds.BootProtocolDtb, f.Id);
        Assert.Equal("x0=0x0 at entry, but the DTB is at 0x7fe00000", f.Summary);
    }

    [Fact]
    public void Kimage_struct_routine_that_never_turns_the_mmu_off_enters_the_kernel_with_it_on()
    {
        var built = Built.From(Programs.KimageStruct(mmuOff: ""), Programs.KimageHeader, ".kexec_relocate.text");
        var f = Only(runner.Verify(built.ControlCode, KexecConvention.KimageStructure, ConventionTests.Fields()));
        Assert.Equal(FindingIds.MmuOnAtBranch, f.Id);
        Assert.Equal("SCTLR_EL1.M is set at the branch to kimage_start: the new kernel is entered with the MMU on", f.Summary);
        Assert.Equal("br\tx17", f.Instruction);
    }

    [Fact]
    public void Kimage_struct_routine_reading_the_dtb_from_another_field_passes_garbage()
    {
        var built = Built.From(Programs.KimageStruct(dtbField: "0x300"), Programs.KimageHeader, ".kexec_relocate.text");
        var f = Only(runner.Verify(built.ControlCode, KexecConvention.KimageStructure, ConventionTests.Fields()));
        Assert.Equal(FindingIds.BootProtocolDtb, f.Id);
        Assert.Equal("x0=0x0 at entry, but the DTB is at 0x7fe00000", f.Summary);   // an unnamed field holds zero
    }

    [Fact]
    public void Kimage_struct_routine_without_its_clean_leaves_the_cacheable_copy_dirty()
    {
        var source = Programs.KimageStruct().Replace("2:  dc      civac, x19", "2:  nop");
        var built = Built.From(source, Programs.KimageHeader, ".kexec_relocate.text");
        var report = runner.Verify(built.ControlCode, KexecConvention.KimageStructure, ConventionTests.Fields(), caches: true);
        var f = Assert.Single(report.Findings, f => f.Id == FindingIds.DcacheDirtyAtBranch);
        Assert.StartsWith("1536 destination lines (first at 0x80081000) are dirty in the D-cache", f.Summary);
    }

    [Fact]
    public void Kimage_struct_routine_using_physical_addresses_with_the_mmu_on_faults()
    {
        // Without the phys-to-virt step the list (its indirection page is at 0x100010000) is read at its physical
        // address, which only TTBR0 could map.
        var source = Programs.KimageStruct().Replace("    sub     x12, x12, x22\n", "");
        var built = Built.From(source, Programs.KimageHeader, ".kexec_relocate.text");
        var f = Only(runner.Verify(built.ControlCode, KexecConvention.KimageStructure, ConventionTests.Fields()));
        Assert.Equal(FindingIds.Fault, f.Id);
        Assert.Equal("Translation fault: translation fault at 0x100010000: with the MMU on only the control page is identity-mapped (TTBR0)", f.Summary);
        Assert.Equal("ldr\tx16, [x14], #8", f.Instruction);
    }

    [Fact]
    public void Kimage_struct_routine_left_on_the_zero_page_faults_on_the_linear_map()
    {
        var source = Programs.KimageStruct().Replace("    msr     ttbr1_el1, x24\n", "");
        var built = Built.From(source, Programs.KimageHeader, ".kexec_relocate.text");
        var f = Only(runner.Verify(built.ControlCode, KexecConvention.KimageStructure, ConventionTests.Fields()));
        Assert.Equal(FindingIds.Fault, f.Id);
        Assert.Equal("Translation fault: translation fault at 0xffff000100010000: TTBR1_EL1 is 0x80002000, which maps no linear map", f.Summary);
    }

    [Fact]
    public void Patched_globals_routine_reading_the_wrong_slot_for_the_dtb_is_named()
    {
        var built = Built.From(Programs.PatchedGlobals(dtbSlot: "kexec_kimage_start"));
        var report = KexecVerifier.Verify(built.ControlCode, built.GlobalsLayout(),
            new VerifyOptions { Convention = KexecConvention.PatchedGlobals, Pages = 24, Seed = 5 });
        var f = Only(report);
        Assert.Equal(FindingIds.BootProtocolDtb, f.Id);
        Assert.Equal("x0=0x80081000 at entry, but the DTB is at 0x7fe00000", f.Summary);
    }

    [Fact]
    public void Kimage_struct_read_after_turning_the_mmu_off_uses_a_virtual_address_as_physical()
    {
        // v5.15 moved these loads before turn_off_mmu: x0 is the structure's linear-map address.
        var late = Programs.TurnOffMmu + "    ldr     x18, [x0, #KIMAGE_ARCH_DTB_MEM]\n";
        var built = Built.From(Programs.KimageStruct(mmuOff: late), Programs.KimageHeader, ".kexec_relocate.text");
        var f = Only(runner.Verify(built.ControlCode, KexecConvention.KimageStructure, ConventionTests.Fields()));
        Assert.Equal(FindingIds.Fault, f.Id);
        Assert.Equal("Unmapped fault: load of 8 bytes from unmapped address 0xffff000080000230", f.Summary);
        Assert.StartsWith("with the MMU off addresses are physical: this is a kernel linear-map address", f.Why);
    }

    [Fact]
    public void Hyp_stub_path_that_leaves_x3_set_hands_it_to_the_new_kernel_in_x1_and_x3()
    {
        var built = Built.From(Programs.KimageStruct(stubX3: ""), Programs.KimageHeader, ".kexec_relocate.text");
        var f = Only(runner.VerifyThroughHypStub(built.ControlCode));
        Assert.Equal(FindingIds.BootProtocol, f.Id);
        Assert.Equal("x1-x3 nonzero at the branch to kimage_start: x1=0x20, x3=0x20", f.Summary);
        Assert.Equal("hvc\t#0x0", f.Instruction);
    }

    [Fact]
    public void Misaligned_kimage_field_offset_is_named()
    {
        var built = Built.From(Programs.KimageStruct(), Programs.KimageHeader, ".kexec_relocate.text");
        var fields = ConventionTests.Fields() with { Ttbr1 = 0x251 };
        var report = runner.Verify(built.ControlCode, KexecConvention.KimageStructure, fields);
        var f = Assert.Single(report.Findings, f => f.Id == FindingIds.KimageOffset);
        Assert.Equal("KIMAGE_ARCH_TTBR1 = 0x251 is not an aligned 8-byte field inside the 8192-byte struct kimage the verifier builds", f.Summary);
    }
}

/// <summary>Field offsets from a header or NAME=OFF, with exact errors.</summary>
public class KimageFieldNamesTests
{
    [Fact]
    public void Header_values_in_decimal_hex_and_with_comments_are_read()
    {
        var f = ConventionTests.Fields();
        Assert.Equal((72UL, 64UL, 0x230UL, 0x250UL), (f.Head, f.Start, f.DtbMem, f.Ttbr1!.Value));
    }

    [Fact]
    public void Assignment_overrides_and_unknown_names_are_errors()
    {
        var values = new Dictionary<string, ulong>();
        Assert.True(KimageFieldNames.TryAddAssignment(values, "KIMAGE_HEAD=0x10", out _));
        Assert.Equal(0x10UL, values["KIMAGE_HEAD"]);
        Assert.False(KimageFieldNames.TryAddAssignment(values, "KIMAGE_TAIL=8", out string error));
        Assert.Equal("--kimage-field: 'KIMAGE_TAIL=8' names no struct kimage field (known: KIMAGE_HEAD, KIMAGE_START, KIMAGE_ARCH_DTB_MEM, KIMAGE_ARCH_EL2_VECTORS, KIMAGE_ARCH_ZERO_PAGE, KIMAGE_ARCH_PHYS_OFFSET, KIMAGE_ARCH_TTBR1)", error);
        Assert.False(KimageFieldNames.TryAddAssignment(values, "KIMAGE_START=zz", out error));
        Assert.Equal("--kimage-field: 'KIMAGE_START=zz' is not KIMAGE_START=OFFSET (a decimal or 0x hex number)", error);
    }

    [Fact]
    public void Missing_required_fields_and_bad_header_values_are_errors()
    {
        var values = new Dictionary<string, ulong>();
        Assert.False(KimageFieldNames.TryAddHeader(values, "#define KIMAGE_HEAD 8\n#define KIMAGE_START (8+8)\n", "k.h", out string error));
        Assert.Equal("k.h:2: KIMAGE_START is not a plain number: '#define KIMAGE_START (8+8)'", error);
        Assert.Null(KimageFieldNames.Build(values, out error));
        Assert.Equal("the kimage-struct convention needs KIMAGE_START, KIMAGE_ARCH_DTB_MEM (--kimage-fields FILE.h or --kimage-field NAME=OFF)", error);
    }
}
