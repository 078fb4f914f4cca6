using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.InstructionEncoding;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Syntax;
using A64Asm.Isa.Operands;

namespace A64Asm.Isa.Tests.Support;

/// <summary>
/// Instruction text to the encoder's operands the way a64asm reads it: the assembler's own parser
/// (src/Assembler/Parsing) and operand converter, at address 0 with no symbols defined. A name nothing defines
/// stays a symbol (a system register, a label), "." is 0, so ".+8" is the address 8.
/// </summary>
public static class ProductParser
{
    sealed class EmptyScope : IExpressionScope
    {
        public ExprValue LocationCounter => ExprValue.Absolute(0);
        public bool TryGetSymbol(string name, out ExprValue value)
        {
            value = default;
            return false;
        }
    }

    // The parser keeps per-instance caches and is not thread-safe; test classes run in parallel.
    [ThreadStatic] static StatementParser? _parser;
    [ThreadStatic] static OperandConverter? _converter;

    /// <summary>The mnemonic (lower case) and operands of one instruction; AsmError for text a64asm rejects.</summary>
    public static (string Mnemonic, List<Operand> Operands) Parse(string text)
    {
        _parser ??= new StatementParser();
        _converter ??= new OperandConverter(new EmptyScope(), new RegisterAliases(), (_, _, _) => "anchor");
        var line = new SourceLine(text, new SourceText("test.s", text), 1);
        if (_parser.ParseLine(line).Statement is not InstructionStatement instruction)
            throw new AsmError(line.At(0), "not an instruction");
        return (instruction.Mnemonic, _converter.Convert(instruction.Operands, line));
    }
}
