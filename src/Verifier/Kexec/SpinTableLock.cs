using System.Buffers.Binary;
using A64Asm.Isa;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Formatting;

namespace A64Asm.Verifier.Kexec;

/// <summary>
/// The boot lock of the 2014 spin-table postings: every CPU enters the control page, and the first thing the code
/// does is claim a word of that page with a load-exclusive (<c>adr xN, lock</c> then <c>ldxr xT, [xN]</c>). The CPU
/// that wins relocates and boots; the others wait. Its store-exclusive is the one store into the control page the
/// routine is allowed to make.
/// </summary>
public static class SpinTableLock
{
    private const int Limit = 16;

    /// <summary>What the report says the verifier leaves out of this convention.</summary>
    public const string NotModelled =
        "only the boot CPU is run: the secondaries that lose the lock and wait with wfe for kexec_signal_addr are not modelled";

    /// <summary>What the report says when spin-table was asked for but the entry claims no word.</summary>
    public const string NoLock = "the entry claims no control-page word with adr + ldxr, so no store into the control page is expected";

    /// <summary>
    /// The lock word's offset in <paramref name="code"/> (the control code as copied): the target of an <c>adr</c> that
    /// the entry's first load-exclusive uses as its base, before any branch. Null when the entry claims no such word.
    /// </summary>
    public static ulong? Find(ReadOnlySpan<byte> code)
    {
        var adrTargets = new Dictionary<int, long>();
        for (int at = 0; at + 4 <= code.Length && at < Limit * 4; at += 4)
        {
            var ins = A64Decoder.Decode(BinaryPrimitives.ReadUInt32LittleEndian(code[at..]));
            if (!ins.IsValid) return null;
            switch (ins.Code)
            {
                case Code.ADR:
                    adrTargets[ins.Rd] = at + ins.Imm;
                    continue;
                case Code.LDXR_64 or Code.LDAXR_64 or Code.LDXR_32 or Code.LDAXR_32:
                    return adrTargets.TryGetValue(ins.Rn, out long target) && target >= 0 && target < code.Length ? (ulong)target : null;
            }
            if (IsBranch(in ins, at)) return null;
            // Any other write to a register that held an adr target ends what we know about it.
            adrTargets.Remove(ins.Rd);
        }
        return null;
    }

    private static bool IsBranch(in Instruction ins, int at)
    {
        string text = A64Formatter.Format(in ins, (ulong)at);
        int tab = text.IndexOf('\t');
        string mnemonic = tab < 0 ? text : text[..tab];
        return mnemonic is "b" or "bl" or "br" or "blr" or "ret" or "cbz" or "cbnz" or "tbz" or "tbnz" or "eret" or "hvc" or "smc" or "svc"
            || mnemonic.StartsWith("b.", StringComparison.Ordinal);
    }
}
