using IsaGen;

namespace A64Asm.Isa.Tests;

/// <summary>The generator's lint on small tables: err_* must report, ok_* must pass.</summary>
public class IsaGenLintTests
{
    const string Kinds = "X -1 \"a 64-bit general register\"\nUImm -1 \"an unsigned immediate\"\n";

    static List<string> Lint(string rows)
    {
        var table = new Table();
        TableLoader.Load(table, [("operands.isa", Kinds), ("a64.isa", rows)]);
        return table.Errors;
    }

    [Fact]
    public void Ok_table_passes()
    {
        Assert.Empty(Lint("""
            A a | 1101 imm:12 0000000000 Rd:5 x | X(Rd), UImm(imm)
            B b | 1101 imm:12 0000000000 11111 1 | UImm(imm)
            alias A0 a0 -> A | imm=0 | X(Rd)
            """));
    }

    [Theory]
    [InlineData("A a | 1101 imm:12 000000000 Rd:5 x | X(Rd), UImm(imm)", "picture covers 31 bits")]
    [InlineData("A a | 1101 imm:12 0000000000 Rd:5 x | X(Rd)", "unused field imm")]
    [InlineData("alias Z z -> Nope | | X(Rd)", "missing target Nope")]
    [InlineData("A a | 1101 imm:12 0000000000 Rd:5 x | X(Rd), Foo(imm)", "unknown operand kind Foo")]
    [InlineData("A a | 1101 imm:12 0000000000 Rd:5 x | X(Rd), UImm(imx)", "unknown field imx")]
    public void Err_tables_report(string rows, string expected)
    {
        var errors = Lint(rows.Replace("A a |", "A a |"));
        Assert.Contains(errors, e => e.Contains(expected));
    }

    [Theory]
    [InlineData("M 1 \"an address\" mode=sideways", true)]
    [InlineData("M 1 3 \"an address\"", true)]
    [InlineData("M 1 \"an address\" mode=pre", false)]
    [InlineData("M 1 2 \"an address\"", false)]
    public void Operand_kind_declarations_are_checked(string declaration, bool error)
    {
        var table = new Table();
        TableLoader.Load(table, [("operands.isa", declaration + "\n"), ("a64.isa", "")]);
        Assert.Equal(error, table.Errors.Any(e => e.Contains("expected `Kind arity [written 1|2]")));
        if (!error) Assert.Equal("an address", table.Kinds.Single().Description);
    }

    [Fact]
    public void Err_overlap_without_a_more_specific_form()
    {
        var errors = Lint("""
            A a | 1101 imm:12 0000000000 Rd:5 x | X(Rd), UImm(imm)
            B b | 1101 0000 imm:8 0000000000 Rd:5 x | X(Rd), UImm(imm)
            C c | 1101 imm:12 0000000000 Rd:5 x | X(Rd), UImm(imm)
            """);
        Assert.Contains(errors, e => e.Contains("A overlaps C"));
        Assert.DoesNotContain(errors, e => e.Contains("A overlaps B"));
    }
}
