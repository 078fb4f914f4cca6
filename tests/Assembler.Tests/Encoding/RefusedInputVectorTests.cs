using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Tests.Layout;
using A64Asm.TestSupport;

namespace A64Asm.Assembler.Tests.Encoding;

/// <summary>
/// tests/vectors/refused: statements GNU as refuses at every architecture. Each is refused by a64asm with the
/// message the vector gives, and (oracle) by GNU as with the words the vector gives.
/// </summary>
public class RefusedInputVectorTests
{
    public sealed record Refused(string Statement, int Column, string Message, string Gnu)
    {
        public override string ToString() => Statement;
    }

    static readonly string VectorFile = Repo.Path("tests/vectors/refused/invalid.s");

    public static TheoryData<Refused> Vectors()
    {
        var data = new TheoryData<Refused>();
        string? statement = null;
        (int Column, string Message)? ours = null;
        foreach (var raw in File.ReadAllLines(VectorFile))
        {
            string line = raw.Trim();
            if (line.StartsWith("// ERROR: ", StringComparison.Ordinal))
            {
                var rest = line["// ERROR: ".Length..];
                int colon = rest.IndexOf(':');
                ours = (int.Parse(rest[..colon]), rest[(colon + 1)..].Trim());
            }
            else if (line.StartsWith("// GNU: ", StringComparison.Ordinal))
            {
                data.Add(new Refused(statement!, ours!.Value.Column, ours.Value.Message, line["// GNU: ".Length..]));
                statement = null;
                ours = null;
            }
            else if (line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
                statement = line;
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void A64asm_refuses_it_with_the_vectors_message(Refused v)
    {
        var error = Assert.Throws<AsmError>(() => Asm.Object(v.Statement + "\n"));
        string caret = new string(' ', v.Column) + "^";
        Assert.Equal($"test.s:1:{v.Column}: error: {v.Message}\n {v.Statement}\n{caret}", error.Render());
    }

    [OracleTheory(Oracle.GnuBinutils)]
    [MemberData(nameof(Vectors))]
    public void Gnu_as_refuses_it_in_the_vectors_words(Refused v)
    {
        using var dir = new TempDir();
        string source = dir.Path("t.s");
        File.WriteAllText(source, v.Statement + "\n");
        var run = Gnu.Run("as", "-march=all", source, "-o", dir.Path("t.o"));
        Assert.NotEqual(0, run.Status);
        Assert.Contains($"t.s:1: Error: {v.Gnu}", run.Stderr);
    }
}
