using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;

namespace A64Asm.Assembler.Tests.Parsing;

public class ExpressionEvaluatorTests
{
    private sealed class Section(string name) : ISectionRef
    {
        public string Name { get; } = name;
    }

    private sealed class Scope : IExpressionScope
    {
        public Dictionary<string, ExprValue> Symbols { get; } = new();
        public ExprValue LocationCounter { get; set; }
        public bool TryGetSymbol(string name, out ExprValue value) => Symbols.TryGetValue(name, out value);
    }

    private static readonly Section Text = new(".text"), Data = new(".data");
    private static readonly SourceLine Line = new("", new SourceLocation(new SourcePos(new SourceText("e.s", ""), 3, 1), null));

    private static ExprValue Eval(string expression, Scope? scope = null)
    {
        var parser = new StatementParser();
        var line = Line with { Text = expression };
        return ExpressionEvaluator.Evaluate(parser.ParseExpression(line, 0, expression), scope ?? new Scope(), line);
    }

    private static Scope Labels()
    {
        var scope = new Scope { LocationCounter = new ExprValue(0x40, Text) };
        scope.Symbols["a"] = new ExprValue(0x10, Text, "a");
        scope.Symbols["b"] = new ExprValue(0x30, Text, "b");
        scope.Symbols["d"] = new ExprValue(0x8, Data, "d");
        scope.Symbols["k"] = ExprValue.Absolute(5);
        return scope;
    }

    [Theory]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("-2 * -3", 6)]
    [InlineData("~0 & 0xff", 0xff)]
    [InlineData("!0 + !5", 1)]
    [InlineData("1 << 4 >> 2", 4)]
    [InlineData("6 ^ 3 | 8", 13)]
    [InlineData("0b101 + 017 + 'A", 5 + 15 + 65)]
    [InlineData("3 >= 3 && 2 <= 1 || 1", 1)]
    [InlineData("-1 < 0", -1)]
    [InlineData("0xffffffffffffffff", -1)]
    public void Absolute_values(string expression, long expected) => Assert.Equal(ExprValue.Absolute(expected), Eval(expression));

    [Fact]
    public void Difference_of_labels_in_one_section_is_absolute()
    {
        Assert.Equal(ExprValue.Absolute(0x20), Eval("b - a", Labels()));
        Assert.Equal(ExprValue.Absolute(0x30), Eval(". - a", Labels()));
        Assert.Equal(ExprValue.Absolute(-1), Eval("a < b", Labels()));
    }

    [Fact]
    public void Symbol_plus_addend_stays_relocatable()
    {
        Assert.Equal(new ExprValue(0x18, Text, "a"), Eval("a + 8", Labels()));
        Assert.Equal(new ExprValue(0x11, Text, "a"), Eval("k - 4 + a", Labels()));
        Assert.Equal(new ExprValue(-4, null, "ext"), Eval("ext - 4", Labels()));
    }

    [Fact]
    public void Non_relocatable_combinations_are_errors()
    {
        Assert.Contains("different sections", Assert.Throws<AsmError>(() => Eval("a - d", Labels())).Message);
        Assert.Contains("not relocatable", Assert.Throws<AsmError>(() => Eval("a + b", Labels())).Message);
        Assert.Contains("is not absolute", Assert.Throws<AsmError>(() => Eval("a * 2", Labels())).Message);
        Assert.Contains("division by zero", Assert.Throws<AsmError>(() => Eval("1 / (k - 5)", Labels())).Message);
    }

    [Fact]
    public void Error_column_points_into_the_expression()
    {
        var error = Assert.Throws<AsmError>(() => Eval("1 + 2 / 0"));
        Assert.Equal(9, error.Location!.Pos.Column);
    }
}
