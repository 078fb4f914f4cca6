using A64Asm.Isa.Fixups;

namespace A64Asm.Linker.Tests.Fixups;

public class FixupTableTests
{
    [Fact]
    public void EveryKindHasItsOwnRow()
    {
        foreach (var kind in Enum.GetValues<FixupKind>())
            Assert.Equal(kind, Fixup.Spec(kind).Kind);
        Assert.Equal(Enum.GetValues<FixupKind>().Length, Fixup.All.Count);
    }

    [Theory]
    [InlineData(FixupKind.Abs64, 257u, "R_AARCH64_ABS64", false)]
    [InlineData(FixupKind.Abs32, 258u, "R_AARCH64_ABS32", false)]
    [InlineData(FixupKind.Abs16, 259u, "R_AARCH64_ABS16", false)]
    [InlineData(FixupKind.Prel64, 260u, "R_AARCH64_PREL64", true)]
    [InlineData(FixupKind.Prel32, 261u, "R_AARCH64_PREL32", true)]
    [InlineData(FixupKind.Prel16, 262u, "R_AARCH64_PREL16", true)]
    [InlineData(FixupKind.MovwG0, 263u, "R_AARCH64_MOVW_UABS_G0", false)]
    [InlineData(FixupKind.MovwG0Nc, 264u, "R_AARCH64_MOVW_UABS_G0_NC", false)]
    [InlineData(FixupKind.MovwG1, 265u, "R_AARCH64_MOVW_UABS_G1", false)]
    [InlineData(FixupKind.MovwG1Nc, 266u, "R_AARCH64_MOVW_UABS_G1_NC", false)]
    [InlineData(FixupKind.MovwG2, 267u, "R_AARCH64_MOVW_UABS_G2", false)]
    [InlineData(FixupKind.MovwG2Nc, 268u, "R_AARCH64_MOVW_UABS_G2_NC", false)]
    [InlineData(FixupKind.MovwG3, 269u, "R_AARCH64_MOVW_UABS_G3", false)]
    [InlineData(FixupKind.MovwSG0, 270u, "R_AARCH64_MOVW_SABS_G0", false)]
    [InlineData(FixupKind.MovwSG1, 271u, "R_AARCH64_MOVW_SABS_G1", false)]
    [InlineData(FixupKind.MovwSG2, 272u, "R_AARCH64_MOVW_SABS_G2", false)]
    [InlineData(FixupKind.MovwPrelG0, 287u, "R_AARCH64_MOVW_PREL_G0", true)]
    [InlineData(FixupKind.MovwPrelG0Nc, 288u, "R_AARCH64_MOVW_PREL_G0_NC", true)]
    [InlineData(FixupKind.MovwPrelG1, 289u, "R_AARCH64_MOVW_PREL_G1", true)]
    [InlineData(FixupKind.MovwPrelG1Nc, 290u, "R_AARCH64_MOVW_PREL_G1_NC", true)]
    [InlineData(FixupKind.MovwPrelG2, 291u, "R_AARCH64_MOVW_PREL_G2", true)]
    [InlineData(FixupKind.MovwPrelG2Nc, 292u, "R_AARCH64_MOVW_PREL_G2_NC", true)]
    [InlineData(FixupKind.MovwPrelG3, 293u, "R_AARCH64_MOVW_PREL_G3", true)]
    [InlineData(FixupKind.AdrPage21Nc, 276u, "R_AARCH64_ADR_PREL_PG_HI21_NC", true)]
    [InlineData(FixupKind.LdLiteral19, 273u, "R_AARCH64_LD_PREL_LO19", true)]
    [InlineData(FixupKind.Adr21, 274u, "R_AARCH64_ADR_PREL_LO21", true)]
    [InlineData(FixupKind.AdrPage21, 275u, "R_AARCH64_ADR_PREL_PG_HI21", true)]
    [InlineData(FixupKind.AddLo12, 277u, "R_AARCH64_ADD_ABS_LO12_NC", false)]
    [InlineData(FixupKind.Ldst8Lo12, 278u, "R_AARCH64_LDST8_ABS_LO12_NC", false)]
    [InlineData(FixupKind.TestBranch14, 279u, "R_AARCH64_TSTBR14", true)]
    [InlineData(FixupKind.CondBranch19, 280u, "R_AARCH64_CONDBR19", true)]
    [InlineData(FixupKind.Branch26, 282u, "R_AARCH64_JUMP26", true)]
    [InlineData(FixupKind.Call26, 283u, "R_AARCH64_CALL26", true)]
    [InlineData(FixupKind.Ldst16Lo12, 284u, "R_AARCH64_LDST16_ABS_LO12_NC", false)]
    [InlineData(FixupKind.Ldst32Lo12, 285u, "R_AARCH64_LDST32_ABS_LO12_NC", false)]
    [InlineData(FixupKind.Ldst64Lo12, 286u, "R_AARCH64_LDST64_ABS_LO12_NC", false)]
    [InlineData(FixupKind.Ldst128Lo12, 299u, "R_AARCH64_LDST128_ABS_LO12_NC", false)]
    public void ElfNumbersNamesAndRelativity(FixupKind kind, uint elfType, string name, bool pcRelative)
    {
        Assert.Equal(elfType, Fixup.ElfType(kind));
        Assert.Equal(name, Fixup.ElfName(kind));
        Assert.Equal(pcRelative, Fixup.IsPcRelative(kind));
        Assert.Equal(kind, Fixup.FromElfType(elfType));
    }

    [Fact]
    public void UnknownElfTypeIsNone()
    {
        Assert.Equal(FixupKind.None, Fixup.FromElfType(0));
        Assert.Equal(FixupKind.None, Fixup.FromElfType(281)); // between TSTBR14 and JUMP26: no type
        // R_AARCH64_ADR_GOT_PAGE: GNU as writes it, so it has a kind, but the static link does not apply it.
        Assert.Equal(FixupKind.AdrGotPage, Fixup.FromElfType(311));
        Assert.False(Fixup.Spec(FixupKind.AdrGotPage).IsStatic);
    }

    [Fact]
    public void ValueConventions()
    {
        Assert.Equal(0x1234, Fixup.ValueFor(FixupKind.Abs64, 0x1234, 0x100));
        Assert.Equal(0x1134, Fixup.ValueFor(FixupKind.Call26, 0x1234, 0x100));
        Assert.Equal(-0x1000, Fixup.ValueFor(FixupKind.AdrPage21, 0x1fff, 0x2000));
        Assert.Equal(0x1000, Fixup.ValueFor(FixupKind.AdrPage21, 0x2000, 0x1ffc));
    }
}
