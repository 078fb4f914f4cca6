using System.Buffers.Binary;
using A64Asm.Isa.Decoding;
using A64Asm.Isa.Formatting;

namespace A64Asm.Verifier.Kexec;

/// <summary>How the image marks the bytes machine_kexec copies (what the offsets file recorded).</summary>
public enum CodeMarking
{
    None,
    /// <summary>arm64_relocate_new_kernel with the .quad arm64_relocate_new_kernel_size (v4.8 to v5.14).</summary>
    SizeQuad,
    /// <summary>relocate_new_kernel with the .quad relocate_new_kernel_size (the 2014 postings).</summary>
    EarlySizeQuad,
    /// <summary>__relocate_new_kernel_start / __relocate_new_kernel_end (v5.15 on).</summary>
    StartEndSymbols,
    /// <summary>The .kexec_relocate.text section itself (v5.15 on, built alone).</summary>
    Section,
}

/// <summary>
/// The convention verify runs with, the sentence that says why (printed in the report), and for kimage-struct whether
/// the code is entered with the MMU on (<see cref="VerifyOptions.KernelMapAtEntry"/>).
/// </summary>
public sealed record ConventionChoice(KexecConvention Convention, string Reason, bool KernelMapAtEntry = false);

/// <summary>The command-line names of the conventions and how verify picks one from what the image defines.</summary>
public static class ConventionPicker
{
    public static string NameOf(KexecConvention c) => c switch
    {
        KexecConvention.PatchedOffsets => "patched-quads",
        KexecConvention.RegisterArgumentsWithoutDtb => "regs",
        KexecConvention.RegisterArguments => "regs-dtb",
        KexecConvention.PatchedGlobals => "patched-globals",
        KexecConvention.SpinTable => "spin-table",
        _ => "kimage-struct",
    };

    public static readonly IReadOnlyList<KexecConvention> All =
        [KexecConvention.PatchedOffsets, KexecConvention.PatchedGlobals, KexecConvention.SpinTable, KexecConvention.RegisterArgumentsWithoutDtb, KexecConvention.RegisterArguments, KexecConvention.KimageStructure];

    public static KexecConvention? Parse(string name) => All.Cast<KexecConvention?>().FirstOrDefault(c => NameOf(c!.Value) == name);

    /// <summary>v5.15 on (the code in its own section, or between the two symbols the kernel's script puts around it) is entered with the MMU on.</summary>
    public static bool EnteredWithMmuOn(CodeMarking marking) => marking is CodeMarking.StartEndSymbols or CodeMarking.Section;

    /// <summary>
    /// The convention the image's symbols say: *_offset quads mean the 2015/16 series; quads the kernel patches by
    /// global symbol inside the code (<paramref name="patchGlobals"/>) the 2014 postings and vendor trees, and among them the
    /// spin-table postings when the entry claims a lock word of the control page with ldxr; code marked by
    /// __relocate_new_kernel_start/_end or its own .kexec_relocate.text, or kimage field offsets given by the user,
    /// mean v5.15 on; otherwise the size quad means v4.8 to v5.14, where code that reads x2 before writing it takes the DTB (v5.0 on). Null when nothing
    /// tells (then --convention must).
    /// </summary>
    public static ConventionChoice? Pick(bool patchOffsets, bool patchGlobals, CodeMarking marking, ReadOnlySpan<byte> code, bool kimageFieldsGiven)
    {
        if (patchOffsets)
            return new(KexecConvention.PatchedOffsets, "the image defines arm64_kexec_kimage_start_offset/_head_offset: machine_kexec patches the quads there (2015/16 series)");
        if (patchGlobals && SpinTableLock.Find(code) is { } lockAt)
            return new(KexecConvention.SpinTable, $"the copied code holds kexec_kimage_head/_start quads and its entry claims the word at +0x{lockAt:x} with ldxr/stxr: every CPU enters, the one that takes the lock relocates (2014 spin-table postings)");
        if (patchGlobals)
            return new(KexecConvention.PatchedGlobals, "the copied code holds kexec_kimage_head/_start (or arm64_kexec_*) quads: machine_kexec patches them by symbol (2014 postings, vendor trees)");
        switch (marking)
        {
            case CodeMarking.StartEndSymbols:
                return new(KexecConvention.KimageStructure, "__relocate_new_kernel_start/_end mark the code: x0 points at a struct kimage, entered with the MMU on (v5.15 on)", true);
            case CodeMarking.Section:
                return new(KexecConvention.KimageStructure, ".kexec_relocate.text holds the code: x0 points at a struct kimage, entered with the MMU on (v5.15 on)", true);
            case CodeMarking.SizeQuad or CodeMarking.EarlySizeQuad or CodeMarking.None when kimageFieldsGiven:
                return new(KexecConvention.KimageStructure, "kimage field offsets were given but v5.15's section does not hold the code: x0 points at a struct kimage, entered with the MMU off (the rework as posted before v5.15)");
            case CodeMarking.SizeQuad:
                return EntryScan.ReadsBeforeWriting(code, 2)
                    ? new(KexecConvention.RegisterArguments, "arm64_relocate_new_kernel_size marks the code and it reads x2 at entry: head in x0, start in x1, DTB in x2 (v5.0 to v5.14)")
                    : new(KexecConvention.RegisterArgumentsWithoutDtb, "arm64_relocate_new_kernel_size marks the code and it does not read x2 at entry: head in x0, start in x1, no DTB (v4.8 to v4.20)");
            default:
                return null;
        }
    }
}

/// <summary>What the straight-line code at the entry does with a register, read from the disassembly.</summary>
internal static class EntryScan
{
    private const int Limit = 64;
    private static readonly HashSet<string> Branches = ["b", "bl", "br", "blr", "ret", "cbz", "cbnz", "tbz", "tbnz", "eret", "hvc", "smc", "svc", "brk", "hlt"];
    // Instructions whose first register operand is read, not (only) written.
    private static readonly HashSet<string> NoDestination = ["cmp", "cmn", "tst", "ccmp", "ccmn", "msr", "dc", "ic", "at", "tlbi", "sys", "prfm", "prfum", "movk", "bfi", "bfxil", "bfm"];
    private static readonly HashSet<string> TwoDestinations = ["ldp", "ldnp", "ldpsw", "ldxp", "ldaxp"];

    /// <summary>True when, before the first branch, an instruction reads x<paramref name="register"/> (or its w form) before one writes it.</summary>
    public static bool ReadsBeforeWriting(ReadOnlySpan<byte> code, int register)
    {
        string x = $"x{register}", w = $"w{register}";
        for (int at = 0; at + 4 <= code.Length && at < Limit * 4; at += 4)
        {
            var ins = A64Decoder.Decode(BinaryPrimitives.ReadUInt32LittleEndian(code[at..]));
            if (!ins.IsValid) return false;
            string text = A64Formatter.Format(in ins, (ulong)at);
            int tab = text.IndexOf('\t');
            string mnemonic = tab < 0 ? text : text[..tab];
            if (Branches.Contains(mnemonic) || mnemonic.StartsWith("b.", StringComparison.Ordinal)) return false;
            var operands = tab < 0 ? [] : SplitOperands(text[(tab + 1)..]);
            int destinations = mnemonic.StartsWith("st", StringComparison.Ordinal) || NoDestination.Contains(mnemonic) ? 0
                : TwoDestinations.Contains(mnemonic) ? 2 : 1;
            bool named = false;
            for (int i = 0; i < operands.Count; i++)
            {
                if (!Names(operands[i], x, w)) continue;
                if (i >= destinations) return true;
                named = true;
            }
            if (named) return false;
        }
        return false;
    }

    private static List<string> SplitOperands(string text)
    {
        var parts = new List<string>();
        int depth = 0, from = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '[' or '{') depth++;
            else if (c is ']' or '}') depth--;
            else if (c == ',' && depth == 0) { parts.Add(text[from..i]); from = i + 1; }
        }
        parts.Add(text[from..]);
        return parts;
    }

    private static bool Names(string operand, string x, string w)
    {
        foreach (var token in operand.Split((char[])[' ', '[', ']', '{', '}', '!', ',', '\t', '#'], StringSplitOptions.RemoveEmptyEntries))
            if (token == x || token == w) return true;
        return false;
    }
}
