using System.Text.RegularExpressions;
using A64Asm.Isa;
using A64Asm.Isa.Model;

namespace A64Asm.Verifier.Tests.Differential;

/// <summary>
/// The instruction table's <c>@class</c> of every form (addsub_imm, ldst_pair, lse_atomic, ...): the groups the
/// differential reports on. The class reaches compiled code only in the doc comment IsaGen writes on each
/// <see cref="Code"/> member (<c>[feature, class]</c>), so it is read from that generated file.
/// </summary>
internal static partial class InstructionClasses
{
    private static readonly Lazy<IReadOnlyDictionary<Code, string>> ByCode = new(Read);

    public static string Of(Code code) => ByCode.Value[code];

    /// <summary>Every form's Code, in table order (Code 1 up).</summary>
    public static IEnumerable<Code> AllForms => Enumerable.Range(1, FormTable.FormCount - 1).Select(i => (Code)i);

    /// <summary>The classes in table order, each with its forms.</summary>
    public static IReadOnlyList<(string Class, Code[] Forms)> Groups() =>
        AllForms.GroupBy(Of).Select(g => (g.Key, g.ToArray())).ToList();

    private static IReadOnlyDictionary<Code, string> Read()
    {
        string text = File.ReadAllText(Repo.Path("src/Isa/Generated/Code.g.cs"));
        var map = new Dictionary<Code, string>();
        foreach (Match m in MemberWithClass().Matches(text))
            map[Enum.Parse<Code>(m.Groups["code"].Value)] = m.Groups["class"].Value;
        var missing = AllForms.Where(c => !map.ContainsKey(c)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"no [feature, class] comment in Code.g.cs for {string.Join(", ", missing)}");
        return map;
    }

    [GeneratedRegex(@"\[\w+, (?<class>\w+)\]:[^\n]*\n\s*(?<code>\w+) = \d+,")]
    private static partial Regex MemberWithClass();
}
