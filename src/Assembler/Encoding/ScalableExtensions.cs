using System.Reflection;
using A64Asm.Isa;

namespace A64Asm.Assembler.InstructionEncoding;

/// <summary>
/// Whether a statement is SVE or SME, which a64asm does not encode yet: GNU as's SVE/SME mnemonics come from
/// ScalableMnemonics.txt; z/p/pn registers, predicate qualifiers (p0/z, p0/m) and "mul vl" mean SVE, za/zt
/// registers SME. A statement that is neither gets its ordinary error.
/// </summary>
public static class ScalableExtensions
{
    public const string Sve = "SVE";
    public const string Sme = "SME";

    public static string NotSupported(string extension) => $"{extension} is not supported";

    static readonly (HashSet<string> Sve, HashSet<string> Sme, HashSet<string> A64) Lists = Load();

    static (HashSet<string>, HashSet<string>, HashSet<string>) Load()
    {
        var sets = new Dictionary<string, HashSet<string>>
        {
            ["@sve"] = new(StringComparer.Ordinal), ["@sme"] = new(StringComparer.Ordinal), ["@a64"] = new(StringComparer.Ordinal),
        };
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ScalableMnemonics.txt")
            ?? throw new InvalidOperationException("ScalableMnemonics.txt is not embedded");
        using var reader = new StreamReader(stream);
        HashSet<string>? current = null;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            if (line.StartsWith('@')) { current = sets[line.Trim()]; continue; }
            foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                current!.Add(word);
        }
        return (sets["@sve"], sets["@sme"], sets["@a64"]);
    }

    public static IReadOnlySet<string> SveMnemonics => Lists.Sve;
    public static IReadOnlySet<string> SmeMnemonics => Lists.Sme;

    /// <summary>The statement at <paramref name="mnemonic"/> of a source line: up to a ';' or a "//" comment.</summary>
    public static ReadOnlySpan<char> Statement(string text, int mnemonic)
    {
        var statement = text.AsSpan(mnemonic);
        int end = statement.IndexOfAny(';', '/');
        while (end >= 0 && statement[end] == '/' && (end + 1 >= statement.Length || statement[end + 1] != '/'))
        {
            int next = statement[(end + 1)..].IndexOfAny(';', '/');
            end = next < 0 ? -1 : end + 1 + next;
        }
        return end < 0 ? statement : statement[..end];
    }

    /// <summary>"SVE", "SME" or null for <paramref name="statement"/>, the text from the mnemonic on (no comment).</summary>
    public static string? Of(ReadOnlySpan<char> statement)
    {
        int i = 0;
        string? mnemonic = null;
        bool sve = false, sme = false, takesModeNames = false;
        while (i < statement.Length)
        {
            char c = statement[i];
            if (char.IsAsciiDigit(c))
            {
                // A number (0x1f, 12): not a name.
                while (i < statement.Length && (char.IsAsciiLetterOrDigit(statement[i]) || statement[i] == '_')) i++;
                continue;
            }
            if (!IsNameStart(c)) { i++; continue; }
            int start = i;
            while (i < statement.Length && IsNamePart(statement[i])) i++;
            string word = statement[start..i].ToString().ToLowerInvariant();
            if (mnemonic is null) { mnemonic = word; takesModeNames = TakesModeNames(mnemonic); continue; }
            // smstart/smstop name the modes sm and za: a word, not SME's register za.
            if (takesModeNames && word is "za" or "sm") continue;
            switch (RegisterFile(word))
            {
                case Sve: sve = true; break;
                case Sme: sme = true; break;
            }
        }
        if (mnemonic is null) return null;
        bool a64 = FormTable.Candidates(mnemonic).Length > 0 || Lists.A64.Contains(mnemonic);
        // A mnemonic nobody knows stays "unknown mnemonic", whatever its operands.
        if (!a64 && !Lists.Sve.Contains(mnemonic) && !Lists.Sme.Contains(mnemonic)) return null;
        if (sme || (!a64 && Lists.Sme.Contains(mnemonic))) return Sme;
        if (sve || (!a64 && Lists.Sve.Contains(mnemonic))) return Sve;
        return null;
    }

    /// <summary>Whether a row of <paramref name="mnemonic"/> takes a PSTATE mode name (smstart za).</summary>
    static bool TakesModeNames(string mnemonic)
    {
        foreach (ushort index in FormTable.Candidates(mnemonic))
            foreach (var spec in FormTable.Rows[index].Operands)
                if (spec.Kind == OperandKind.SmeMode) return true;
        return false;
    }

    /// <summary>SVE for z0-z31, p0-p15, pn0-pn15; SME for za, za0-za15 with h/v, zt0 (any .size suffix).</summary>
    internal static string? RegisterFile(string word)
    {
        int dot = word.IndexOf('.');
        var name = dot < 0 ? word.AsSpan() : word.AsSpan(0, dot);
        if (name is "za" or "zt0") return Sme;
        if (name.StartsWith("za") && Number(name[2..].TrimEnd("hv"), 15)) return Sme;
        if (name.Length > 1 && name[0] == 'z' && Number(name[1..], 31)) return Sve;
        if (name.StartsWith("pn") && Number(name[2..], 15)) return Sve;
        if (name.Length > 1 && name[0] == 'p' && Number(name[1..], 15)) return Sve;
        return null;
    }

    static bool Number(ReadOnlySpan<char> digits, int max)
    {
        if (digits.Length is 0 or > 2 || (digits.Length == 2 && digits[0] == '0')) return false;
        int n = 0;
        foreach (char d in digits)
        {
            if (!char.IsAsciiDigit(d)) return false;
            n = n * 10 + (d - '0');
        }
        return n <= max;
    }

    static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c is '_' or '.' or '$';
    static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$';
}
