using A64Asm.Isa.Fixups;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Encoding;

/// <summary>Where in an instruction a relocation operator can stand; each site has its own relocation types.</summary>
public enum RelocSite : byte
{
    /// <summary>adrp's page label.</summary>
    Page,
    /// <summary>adr's label.</summary>
    Adr,
    /// <summary>A load-literal label (ldr Xt/Wt, label).</summary>
    Literal,
    /// <summary>add's 12-bit immediate (adds, sub and subs take none, as in GNU as).</summary>
    AddImmediate,
    /// <summary>The scaled 12-bit offset of a load or store, [Xn, #:op:sym].</summary>
    LoadStoreOffset,
    /// <summary>movz/movn/movk's 16-bit immediate.</summary>
    MoveWide,
}

/// <summary>
/// The relocation operators GNU as 2.40 accepts for LP64, and the relocation type each gives at each site: one row
/// per (operator, site). What is not here is refused as GNU as refuses it ("this relocation modifier is not allowed
/// on this instruction"). The table was read off GNU as by assembling every operator at every site
/// (tests/vectors/reloc/operators.vec holds the result and is checked against GNU as).
/// </summary>
public static class RelocationOperators
{
    /// <summary>One row. <see cref="BySize"/> (1, 2, 4, 8, 16 bytes) replaces <see cref="Kind"/> for load/store
    /// offsets whose type names the access size; a None there means GNU's "relocation qualifier does not match
    /// instruction size". <see cref="Group"/> is the move-wide group (hw); <see cref="OnMovk"/> false for the
    /// checked groups GNU refuses on movk; <see cref="ForcesShift12"/>: GNU sets add's lsl #12 itself.</summary>
    public sealed record Row(RelocModifier Modifier, RelocSite Site, FixupKind Kind, FixupKind[]? BySize = null,
        int Group = 0, bool OnMovk = true, bool ForcesShift12 = false);

    private static readonly Dictionary<(RelocModifier, RelocSite), Row> Rows = Build();

    public static Row? Find(RelocModifier modifier, RelocSite site) =>
        Rows.TryGetValue((modifier, site), out var row) ? row : null;

    /// <summary>Every row, for tests and the explain view.</summary>
    public static IEnumerable<Row> All => Rows.Values;

    /// <summary>The relocation type for a load/store of <paramref name="size"/> bytes; None when GNU refuses the size.</summary>
    public static FixupKind ForSize(Row row, int size) => row.BySize is null ? row.Kind : row.BySize[SizeIndex(size)];

    private static int SizeIndex(int size) => size switch { 1 => 0, 2 => 1, 4 => 2, 8 => 3, _ => 4 };

    public const string NotAllowedHere = "this relocation modifier is not allowed on this instruction";
    public const string SizeMismatch = "relocation qualifier does not match instruction size";
    public const string NotOnMovk = "the specified relocation type is not allowed for MOVK";
    public const string NotFor32Bit = "the specified relocation type is not allowed for 32-bit register";

    /// <summary>:gotpage_lo14: is ILP32's: GNU as knows the operator but cannot write its type in an ELF64 object.</summary>
    public const string Ilp32Only = "relocation :gotpage_lo14: (R_AARCH64_P32_LD32_GOTPAGE_LO14) cannot be represented in an ELF64 object";

    private static Dictionary<(RelocModifier, RelocSite), Row> Build()
    {
        var rows = new List<Row>();
        void Add(RelocModifier m, RelocSite site, FixupKind kind) => rows.Add(new Row(m, site, kind));
        void Sized(RelocModifier m, params FixupKind[] bySize) => rows.Add(new Row(m, RelocSite.LoadStoreOffset, FixupKind.None, bySize));
        void Move(RelocModifier m, FixupKind kind, int group, bool onMovk = true) =>
            rows.Add(new Row(m, RelocSite.MoveWide, kind, Group: group, OnMovk: onMovk));
        const FixupKind none = FixupKind.None;

        Add(RelocModifier.None, RelocSite.Page, FixupKind.AdrPage21);
        Add(RelocModifier.Pg_Hi21, RelocSite.Page, FixupKind.AdrPage21);
        Add(RelocModifier.Pg_Hi21_NC, RelocSite.Page, FixupKind.AdrPage21Nc);
        Add(RelocModifier.Got, RelocSite.Page, FixupKind.AdrGotPage);
        Add(RelocModifier.Tlsgd, RelocSite.Page, FixupKind.TlsgdAdrPage21);
        Add(RelocModifier.Tlsldm, RelocSite.Page, FixupKind.TlsldAdrPage21);
        Add(RelocModifier.Gottprel, RelocSite.Page, FixupKind.GottprelAdrPage21);
        Add(RelocModifier.Tlsdesc, RelocSite.Page, FixupKind.TlsdescAdrPage21);

        Add(RelocModifier.None, RelocSite.Adr, FixupKind.Adr21);
        Add(RelocModifier.Tlsgd, RelocSite.Adr, FixupKind.TlsgdAdrPrel21);
        Add(RelocModifier.Tlsldm, RelocSite.Adr, FixupKind.TlsldAdrPrel21);
        Add(RelocModifier.Tlsdesc, RelocSite.Adr, FixupKind.TlsdescAdrPrel21);

        Add(RelocModifier.None, RelocSite.Literal, FixupKind.LdLiteral19);
        Add(RelocModifier.Got, RelocSite.Literal, FixupKind.GotLdPrel19);
        Add(RelocModifier.Gottprel, RelocSite.Literal, FixupKind.GottprelLdPrel19);
        Add(RelocModifier.Tlsdesc, RelocSite.Literal, FixupKind.TlsdescLdPrel19);

        Add(RelocModifier.Lo12, RelocSite.AddImmediate, FixupKind.AddLo12);
        Add(RelocModifier.Tlsgd_Lo12, RelocSite.AddImmediate, FixupKind.TlsgdAddLo12Nc);
        Add(RelocModifier.Tlsldm_Lo12_NC, RelocSite.AddImmediate, FixupKind.TlsldAddLo12Nc);
        Add(RelocModifier.Dtprel_Hi12, RelocSite.AddImmediate, FixupKind.DtprelAddHi12);
        Add(RelocModifier.Dtprel_Lo12, RelocSite.AddImmediate, FixupKind.DtprelAddLo12);
        Add(RelocModifier.Dtprel_Lo12_NC, RelocSite.AddImmediate, FixupKind.DtprelAddLo12Nc);
        // GNU as 2.40 shifts :tprel_hi12: by 12 itself, but not :dtprel_hi12: (its bytes are followed here).
        rows.Add(new Row(RelocModifier.Tprel_Hi12, RelocSite.AddImmediate, FixupKind.TprelAddHi12, ForcesShift12: true));
        Add(RelocModifier.Tprel_Lo12, RelocSite.AddImmediate, FixupKind.TprelAddLo12);
        Add(RelocModifier.Tprel_Lo12_NC, RelocSite.AddImmediate, FixupKind.TprelAddLo12Nc);
        Add(RelocModifier.Tlsdesc_Lo12, RelocSite.AddImmediate, FixupKind.TlsdescAddLo12);

        Sized(RelocModifier.Lo12, FixupKind.Ldst8Lo12, FixupKind.Ldst16Lo12, FixupKind.Ldst32Lo12, FixupKind.Ldst64Lo12, FixupKind.Ldst128Lo12);
        // The GOT-slot and descriptor loads are 64-bit whatever register the instruction names (GNU as checks nothing).
        Add(RelocModifier.Got_Lo12, RelocSite.LoadStoreOffset, FixupKind.Ld64GotLo12Nc);
        Add(RelocModifier.Gotpage_Lo15, RelocSite.LoadStoreOffset, FixupKind.Ld64GotpageLo15);
        Add(RelocModifier.Gotoff_Lo15, RelocSite.LoadStoreOffset, FixupKind.Ld64GotoffLo15);
        Add(RelocModifier.Gottprel_Lo12, RelocSite.LoadStoreOffset, FixupKind.GottprelLd64Lo12Nc);
        Add(RelocModifier.Tlsdesc_Lo12, RelocSite.LoadStoreOffset, FixupKind.TlsdescLd64Lo12);
        Sized(RelocModifier.Dtprel_Lo12, FixupKind.DtprelLdst8Lo12, FixupKind.DtprelLdst16Lo12, FixupKind.DtprelLdst32Lo12, FixupKind.DtprelLdst64Lo12, none);
        Sized(RelocModifier.Dtprel_Lo12_NC, FixupKind.DtprelLdst8Lo12Nc, FixupKind.DtprelLdst16Lo12Nc, FixupKind.DtprelLdst32Lo12Nc, FixupKind.DtprelLdst64Lo12Nc, none);
        Sized(RelocModifier.Tprel_Lo12, FixupKind.TprelLdst8Lo12, FixupKind.TprelLdst16Lo12, FixupKind.TprelLdst32Lo12, FixupKind.TprelLdst64Lo12, none);
        Sized(RelocModifier.Tprel_Lo12_NC, FixupKind.TprelLdst8Lo12Nc, FixupKind.TprelLdst16Lo12Nc, FixupKind.TprelLdst32Lo12Nc, FixupKind.TprelLdst64Lo12Nc, none);

        Move(RelocModifier.Abs_G0, FixupKind.MovwG0, 0);
        Move(RelocModifier.Abs_G0_NC, FixupKind.MovwG0Nc, 0);
        Move(RelocModifier.Abs_G1, FixupKind.MovwG1, 1);
        Move(RelocModifier.Abs_G1_NC, FixupKind.MovwG1Nc, 1);
        Move(RelocModifier.Abs_G2, FixupKind.MovwG2, 2);
        Move(RelocModifier.Abs_G2_NC, FixupKind.MovwG2Nc, 2);
        Move(RelocModifier.Abs_G3, FixupKind.MovwG3, 3);
        // The signed and PC-relative checked groups pick movz or movn by the value's sign: never a movk.
        Move(RelocModifier.Abs_G0_S, FixupKind.MovwSG0, 0, onMovk: false);
        Move(RelocModifier.Abs_G1_S, FixupKind.MovwSG1, 1, onMovk: false);
        Move(RelocModifier.Abs_G2_S, FixupKind.MovwSG2, 2, onMovk: false);
        Move(RelocModifier.Prel_G0, FixupKind.MovwPrelG0, 0, onMovk: false);
        Move(RelocModifier.Prel_G0_NC, FixupKind.MovwPrelG0Nc, 0);
        Move(RelocModifier.Prel_G1, FixupKind.MovwPrelG1, 1, onMovk: false);
        Move(RelocModifier.Prel_G1_NC, FixupKind.MovwPrelG1Nc, 1);
        Move(RelocModifier.Prel_G2, FixupKind.MovwPrelG2, 2, onMovk: false);
        Move(RelocModifier.Prel_G2_NC, FixupKind.MovwPrelG2Nc, 2);
        Move(RelocModifier.Prel_G3, FixupKind.MovwPrelG3, 3, onMovk: false);
        Move(RelocModifier.Gotoff_G0_NC, FixupKind.MovwGotoffG0Nc, 0);
        Move(RelocModifier.Gotoff_G1, FixupKind.MovwGotoffG1, 1);
        Move(RelocModifier.Tlsgd_G1, FixupKind.TlsgdMovwG1, 1, onMovk: false);
        Move(RelocModifier.Tlsgd_G0_NC, FixupKind.TlsgdMovwG0Nc, 0);
        Move(RelocModifier.Dtprel_G2, FixupKind.DtprelMovwG2, 2);
        Move(RelocModifier.Dtprel_G1, FixupKind.DtprelMovwG1, 1);
        Move(RelocModifier.Dtprel_G1_NC, FixupKind.DtprelMovwG1Nc, 1);
        Move(RelocModifier.Dtprel_G0, FixupKind.DtprelMovwG0, 0);
        Move(RelocModifier.Dtprel_G0_NC, FixupKind.DtprelMovwG0Nc, 0);
        Move(RelocModifier.Gottprel_G1, FixupKind.GottprelMovwG1, 1);
        Move(RelocModifier.Gottprel_G0_NC, FixupKind.GottprelMovwG0Nc, 0);
        Move(RelocModifier.Tprel_G2, FixupKind.TprelMovwG2, 2, onMovk: false);
        Move(RelocModifier.Tprel_G1, FixupKind.TprelMovwG1, 1, onMovk: false);
        Move(RelocModifier.Tprel_G1_NC, FixupKind.TprelMovwG1Nc, 1);
        Move(RelocModifier.Tprel_G0, FixupKind.TprelMovwG0, 0, onMovk: false);
        Move(RelocModifier.Tprel_G0_NC, FixupKind.TprelMovwG0Nc, 0);
        Move(RelocModifier.Tlsdesc_Off_G1, FixupKind.TlsdescOffG1, 1);
        Move(RelocModifier.Tlsdesc_Off_G0_NC, FixupKind.TlsdescOffG0Nc, 0);

        return rows.ToDictionary(r => (r.Modifier, r.Site));
    }
}
