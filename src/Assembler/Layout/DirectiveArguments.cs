using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing.Syntax;

namespace A64Asm.Assembler.Layout;

/// <summary>A directive's arguments as the kinds it expects, or an error at the argument (or the directive).</summary>
internal static class DirectiveArguments
{
    public static Expr ExprArgument(ParsedLine line, DirectiveStatement d, int index)
    {
        if (index < d.Arguments.Count && d.Arguments[index] is ExprOperandSyntax e)
            return e.Expr;
        int at = index < d.Arguments.Count ? d.Arguments[index].Index : d.Index;
        throw new AsmError(line.At(at), $"{d.Name} expects an expression as argument {index + 1}");
    }

    public static Expr? OptionalExprArgument(ParsedLine line, DirectiveStatement d, int index) =>
        index >= d.Arguments.Count || d.Arguments[index] is EmptyOperandSyntax ? null : ExprArgument(line, d, index);

    public static string NameArgument(ParsedLine line, DirectiveStatement d, int index)
    {
        if (index < d.Arguments.Count)
        {
            switch (d.Arguments[index])
            {
                case ExprOperandSyntax { Expr: SymbolExpr { IsLocationCounter: false } s }: return s.Name;
                case StringOperandSyntax str: return System.Text.Encoding.UTF8.GetString(str.Bytes);
            }
        }
        int at = index < d.Arguments.Count ? d.Arguments[index].Index : d.Index;
        throw new AsmError(line.At(at), $"{d.Name} expects a symbol name as argument {index + 1}");
    }

    public static IEnumerable<string> NameArguments(ParsedLine line, DirectiveStatement d)
    {
        if (d.Arguments.Count == 0)
            throw new AsmError(line.At(d.Index), $"{d.Name} expects a symbol name");
        for (int i = 0; i < d.Arguments.Count; i++)
            yield return NameArgument(line, d, i);
    }
}
