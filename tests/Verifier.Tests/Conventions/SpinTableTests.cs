using A64Asm.Verifier.Kexec;

namespace A64Asm.Verifier.Tests.Conventions;

/// <summary>
/// spin-table (the 2014 postings that moved the secondaries): the boot lock is a word of the control page, so the store
/// that claims it is expected there; every other store into the control page is still stray.
/// </summary>
public class SpinTableTests
{
    private static VerifyReport Run(Built built, KexecConvention convention) =>
        KexecVerifier.Verify(built.ControlCode, built.GlobalsLayout(), new VerifyOptions { Convention = convention, Pages = 24, Seed = 5 });

    [Fact]
    public void Lock_claimed_at_entry_picks_spin_table_and_its_store_is_expected()
    {
        var built = Built.From(Programs.SpinTable());
        Assert.Equal((ulong?)0xc0, SpinTableLock.Find(built.ControlCode));
        var choice = built.Pick()!;
        Assert.Equal(KexecConvention.SpinTable, choice.Convention);
        Assert.Equal("spin-table", ConventionPicker.NameOf(choice.Convention));
        Assert.Equal(KexecConvention.SpinTable, ConventionPicker.Parse("spin-table"));
        Assert.Equal("the copied code holds kexec_kimage_head/_start quads and its entry claims the word at +0xc0 with ldxr/stxr: "
            + "every CPU enters, the one that takes the lock relocates (2014 spin-table postings)", choice.Reason);

        var report = KexecVerifier.Verify(built.ControlCode, built.GlobalsLayout(),
            new VerifyOptions { Convention = choice.Convention, ConventionReason = choice.Reason, Pages = 24, Seed = 5 });
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(new ulong[] { 0x7FE0_0000, 0, 0, 0 }, report.EntryRegisters);
        Assert.Equal(24, report.PagesCopied);
        Assert.Equal($"{choice.Reason}; {SpinTableLock.NotModelled}", report.ConventionReason);
        Assert.Contains("  convention: spin-table; ", report.ToText());
    }

    [Fact]
    public void The_same_image_held_to_patched_globals_has_its_lock_store_called_stray()
    {
        var built = Built.From(Programs.SpinTable());
        var report = Run(built, KexecConvention.PatchedGlobals);
        var f = Assert.Single(report.Findings);
        Assert.Equal(FindingIds.StrayStore, f.Id);
        Assert.Equal("store to 0x7ff000c0 in the control page (the code being run), after 5 instructions", f.Summary);
    }

    [Fact]
    public void A_store_elsewhere_in_the_control_page_is_still_stray()
    {
        // After the expected lock store, a write to the word next to it: the lock must not excuse its frame.
        var built = Built.From(Programs.SpinTable("    adr     x8, .Lspare\n    str     x6, [x8]\n"));
        var report = Run(built, KexecConvention.SpinTable);
        Assert.False(report.Passed);
        var f = Assert.Single(report.Findings);
        Assert.Equal(FindingIds.StrayStore, f.Id);
        Assert.Equal("store to 0x7ff000d0 in the control page (the code being run), after 8 instructions", f.Summary);
        Assert.Equal("str\tx6, [x8]", f.Instruction);
    }

    [Fact]
    public void A_store_elsewhere_before_the_lock_is_taken_is_stray_too()
    {
        var built = Built.From(Programs.SpinTable().Replace("    adr     x5, .Lboot_lock\n",
            "    adr     x5, .Lboot_lock\n    adr     x8, .Lspare\n    str     xzr, [x8]\n"));
        Assert.Equal(KexecConvention.SpinTable, built.Pick()!.Convention);
        var f = Assert.Single(Run(built, KexecConvention.SpinTable).Findings);
        Assert.Equal(FindingIds.StrayStore, f.Id);
        Assert.StartsWith("store to 0x7ff000d0 in the control page", f.Summary);
    }

    [Fact]
    public void Spin_table_forced_on_code_without_a_lock_says_so_and_expects_no_store()
    {
        var built = Built.From(Programs.PatchedGlobals());
        var report = KexecVerifier.Verify(built.ControlCode, built.GlobalsLayout(),
            new VerifyOptions { Convention = KexecConvention.SpinTable, ConventionReason = "--convention", Pages = 24, Seed = 5 });
        Assert.True(report.Passed, report.ToText());
        Assert.Equal($"--convention; {SpinTableLock.NoLock}; {SpinTableLock.NotModelled}", report.ConventionReason);
    }

    [Fact]
    public void Without_a_lock_at_entry_it_is_plain_patched_globals()
    {
        Assert.Null(SpinTableLock.Find(Built.From(Programs.PatchedGlobals()).ControlCode));
        // ldxr through a register no adr set: no lock word is known, so none is expected.
        var built = Built.From(Programs.SpinTable().Replace("    adr     x5, .Lboot_lock\n", "    mov     x5, x0\n"));
        Assert.Null(SpinTableLock.Find(built.ControlCode));
    }
}
