using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Parsing.Syntax;

/// <summary>A label defined on a line. Numeric local labels are already renamed to their instance's name.</summary>
public sealed record LabelDefinition(string Name, int Index);

/// <summary>What one source line says: its labels and at most one statement.</summary>
public sealed record ParsedLine(SourceLine Line, IReadOnlyList<LabelDefinition> Labels, Statement? Statement)
{
    public SourceLocation At(int index) => Line.At(index);
}

public abstract record Statement(int Index);

/// <summary>An instruction; the mnemonic is lower case and includes a ".cond" suffix.</summary>
public sealed record InstructionStatement(string Mnemonic, IReadOnlyList<OperandSyntax> Operands, int Index) : Statement(Index);

/// <summary>A directive; the name is lower case with its dot. <see cref="RawArguments"/> is the text after the name,
/// which directives with free-form arguments (.arch, .loc) use instead of <see cref="Arguments"/>.</summary>
public sealed record DirectiveStatement(string Name, IReadOnlyList<OperandSyntax> Arguments, string RawArguments, int Index)
    : Statement(Index);

/// <summary>name = expr.</summary>
public sealed record AssignmentStatement(string Name, Expr Value, int Index) : Statement(Index);

/// <summary>name .req register.</summary>
public sealed record RegisterAliasStatement(string Name, string Register, int Index) : Statement(Index);
