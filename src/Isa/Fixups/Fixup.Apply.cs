using System.Buffers.Binary;

namespace A64Asm.Isa.Fixups;

public static partial class Fixup
{
    /// <summary>
    /// Checks <paramref name="value"/> against the field of <paramref name="kind"/> and writes it into the bytes at
    /// the place (little-endian; instruction fields keep the instruction's other bits). The value convention is
    /// <see cref="ValueFor"/>'s: S + A for absolute kinds, S + A − P for PC-relative ones, Page(S + A) − Page(P)
    /// for <see cref="FixupKind.AdrPage21"/>. Nothing is written when the check fails. <paramref name="error"/> is
    /// GNU as's message for the failure (no location: the caller adds it).
    /// </summary>
    public static bool TryApply(FixupKind kind, Span<byte> at, long value, out string error)
    {
        var status = Apply(kind, at, value);
        error = status == FixupStatus.Ok ? "" : Message(kind, status, value);
        return status == FixupStatus.Ok;
    }

    /// <summary>As <see cref="TryApply"/>, but reports the kind of failure so a caller can word it itself (the linker does).
    /// <paramref name="bigEndianData"/>: data fields (ABS/PREL 16, 32, 64) of a big-endian object are stored most
    /// significant byte first; instruction fields are always in a little-endian word.</summary>
    public static FixupStatus Apply(FixupKind kind, Span<byte> at, long value, bool bigEndianData = false)
    {
        if ((int)kind >= Specs.Length || kind == FixupKind.None || at.Length < Specs[(int)kind].FieldSize)
            return FixupStatus.BadField;

        switch (kind)
        {
            case FixupKind.Abs64:
            case FixupKind.Prel64:
                if (bigEndianData) BinaryPrimitives.WriteInt64BigEndian(at, value);
                else BinaryPrimitives.WriteInt64LittleEndian(at, value);
                return FixupStatus.Ok;
            case FixupKind.Abs32:
            case FixupKind.Prel32:
                // The ABI accepts either reading of 32 bits: −2^31 ≤ X < 2^32.
                if (value < -(1L << 31) || value >= (1L << 32)) return FixupStatus.OutOfRange;
                if (bigEndianData) BinaryPrimitives.WriteUInt32BigEndian(at, (uint)value);
                else BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)value);
                return FixupStatus.Ok;
            case FixupKind.Abs16:
            case FixupKind.Prel16:
                if (value < -(1L << 15) || value >= (1L << 16)) return FixupStatus.OutOfRange;
                if (bigEndianData) BinaryPrimitives.WriteUInt16BigEndian(at, (ushort)value);
                else BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)value);
                return FixupStatus.Ok;
        }

        var word = BinaryPrimitives.ReadUInt32LittleEndian(at);
        var status = Insert(kind, ref word, value);
        if (status == FixupStatus.Ok)
            BinaryPrimitives.WriteUInt32LittleEndian(at, word);
        return status;
    }

    private static FixupStatus Insert(FixupKind kind, ref uint word, long value)
    {
        switch (kind)
        {
            case FixupKind.Branch26:
            case FixupKind.Call26:
                return WordOffset(ref word, value, bits: 26, lsb: 0);
            case FixupKind.CondBranch19:
            case FixupKind.LdLiteral19:
                return WordOffset(ref word, value, bits: 19, lsb: 5);
            case FixupKind.TestBranch14:
                return WordOffset(ref word, value, bits: 14, lsb: 5);
            case FixupKind.Adr21:
                if (!FitsSigned(value, 21)) return FixupStatus.OutOfRange;
                word = WithAdrImmediate(word, value);
                return FixupStatus.Ok;
            case FixupKind.AdrPage21:
                if ((value & 0xFFF) != 0) return FixupStatus.Misaligned;
                if (!FitsSigned(value, 33)) return FixupStatus.OutOfRange;
                word = WithAdrImmediate(word, value >> 12);
                return FixupStatus.Ok;
            case FixupKind.AddLo12:
                word = WithField(word, (ulong)value & 0xFFF, lsb: 10, bits: 12);
                return FixupStatus.Ok;
            case FixupKind.Ldst8Lo12: return ScaledLo12(ref word, value, scale: 0);
            case FixupKind.Ldst16Lo12: return ScaledLo12(ref word, value, scale: 1);
            case FixupKind.Ldst32Lo12: return ScaledLo12(ref word, value, scale: 2);
            case FixupKind.Ldst64Lo12: return ScaledLo12(ref word, value, scale: 3);
            case FixupKind.Ldst128Lo12: return ScaledLo12(ref word, value, scale: 4);
            case FixupKind.MovwG0: return MoveWide(ref word, value, group: 0, check: true);
            case FixupKind.MovwG0Nc: return MoveWide(ref word, value, group: 0, check: false);
            case FixupKind.MovwG1: return MoveWide(ref word, value, group: 1, check: true);
            case FixupKind.MovwG1Nc: return MoveWide(ref word, value, group: 1, check: false);
            case FixupKind.MovwG2: return MoveWide(ref word, value, group: 2, check: true);
            case FixupKind.MovwG2Nc: return MoveWide(ref word, value, group: 2, check: false);
            case FixupKind.MovwG3: return MoveWide(ref word, value, group: 3, check: false);
            case FixupKind.MovwSG0: return SignedMoveWide(ref word, value, group: 0);
            case FixupKind.MovwSG1: return SignedMoveWide(ref word, value, group: 1);
            case FixupKind.MovwSG2: return SignedMoveWide(ref word, value, group: 2);
            case FixupKind.MovwPrelG0: return SignedMoveWide(ref word, value, group: 0);
            case FixupKind.MovwPrelG1: return SignedMoveWide(ref word, value, group: 1);
            case FixupKind.MovwPrelG2: return SignedMoveWide(ref word, value, group: 2);
            case FixupKind.MovwPrelG3: return SignedMoveWide(ref word, value, group: 3);
            // The _NC groups fill a movk: the bits of X, whatever its sign.
            case FixupKind.MovwPrelG0Nc: return MoveWide(ref word, value, group: 0, check: false);
            case FixupKind.MovwPrelG1Nc: return MoveWide(ref word, value, group: 1, check: false);
            case FixupKind.MovwPrelG2Nc: return MoveWide(ref word, value, group: 2, check: false);
            case FixupKind.AdrPage21Nc:
                if ((value & 0xFFF) != 0) return FixupStatus.Misaligned;
                word = WithAdrImmediate(word, value >> 12);
                return FixupStatus.Ok;
            default: return FixupStatus.BadField;
        }
    }

    /// <summary>Branch and literal offsets count words: the byte offset must be a multiple of 4 and fit bits + 2 signed bits.</summary>
    private static FixupStatus WordOffset(ref uint word, long value, int bits, int lsb)
    {
        if ((value & 3) != 0) return FixupStatus.Misaligned;
        if (!FitsSigned(value, bits + 2)) return FixupStatus.OutOfRange;
        word = WithField(word, (ulong)(value >> 2), lsb, bits);
        return FixupStatus.Ok;
    }

    /// <summary>Loads and stores scale their offset by the access size, so the low 12 bits must be a multiple of it.</summary>
    private static FixupStatus ScaledLo12(ref uint word, long value, int scale)
    {
        var low = (ulong)value & 0xFFF;
        if ((low & ((1UL << scale) - 1)) != 0) return FixupStatus.Misaligned;
        word = WithField(word, low >> scale, lsb: 10, bits: 12);
        return FixupStatus.Ok;
    }

    /// <summary>UABS groups: the checked forms require 0 ≤ X &lt; 2^(16·(group+1)); G3 covers the rest of 64 bits.</summary>
    private static FixupStatus MoveWide(ref uint word, long value, int group, bool check)
    {
        if (check && (value < 0 || (group < 3 && (ulong)value >> (16 * (group + 1)) != 0)))
            return FixupStatus.OutOfRange;
        word = WithField(word, (ulong)value >> (16 * group), lsb: 5, bits: 16);
        return FixupStatus.Ok;
    }

    /// <summary>SABS groups: −2^(16·(group+1)) ≤ X &lt; 2^(16·(group+1)) as GNU as checks it; a negative X makes the
    /// instruction movn of ~X (opc 00), any other movz (opc 10), whichever of the two was written.</summary>
    private static FixupStatus SignedMoveWide(ref uint word, long value, int group)
    {
        int bits = 16 * (group + 1);
        if (group < 3 && (value < -(1L << bits) || value >= (1L << bits))) return FixupStatus.OutOfRange;
        const uint opc = 3u << 29;
        word = (word & ~opc) | (value < 0 ? 0u : 2u << 29);
        word = WithField(word, (ulong)(value < 0 ? ~value : value) >> (16 * group), lsb: 5, bits: 16);
        return FixupStatus.Ok;
    }

    /// <summary>Fills an instruction word's field for <paramref name="kind"/> in place (the assembler folds a
    /// relocation operator on a constant with it); false and GNU as's message when the value does not fit.</summary>
    public static bool TryInsert(FixupKind kind, ref uint word, long value, out string error)
    {
        var status = Insert(kind, ref word, value);
        error = status == FixupStatus.Ok ? "" : Message(kind, status, value);
        return status == FixupStatus.Ok;
    }

    /// <summary>adr/adrp split their 21-bit immediate: immlo (2 bits) at 29, immhi (19 bits) at 5.</summary>
    private static uint WithAdrImmediate(uint word, long imm21)
    {
        word = WithField(word, (ulong)imm21 & 3, lsb: 29, bits: 2);
        return WithField(word, (ulong)(imm21 >> 2), lsb: 5, bits: 19);
    }

    private static uint WithField(uint word, ulong value, int lsb, int bits)
    {
        var mask = ((1u << bits) - 1) << lsb;
        return (word & ~mask) | (((uint)value << lsb) & mask);
    }

    private static bool FitsSigned(long value, int bits) =>
        value >= -(1L << (bits - 1)) && value < (1L << (bits - 1));
}
