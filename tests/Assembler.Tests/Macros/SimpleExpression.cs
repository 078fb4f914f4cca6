using A64Asm.Assembler.Diagnostics;

namespace A64Asm.Assembler.Tests.Macros;

/// <summary>Test-only evaluator: integers (decimal, 0x), symbols, unary -, + - * / and parentheses.</summary>
internal sealed class SimpleExpression(string text, IReadOnlyDictionary<string, long> symbols, SourceLine line, int index)
{
    int pos;

    public long Evaluate()
    {
        long value = Sum();
        Skip();
        if (pos < text.Length)
            throw Error($"junk at end of expression: '{text[pos..]}'");
        return value;
    }

    long Sum()
    {
        long value = Product();
        while (Peek() is '+' or '-')
            value = text[pos++] == '+' ? value + Product() : value - Product();
        return value;
    }

    long Product()
    {
        long value = Unary();
        while (Peek() is '*' or '/')
        {
            char op = text[pos++];
            long right = Unary();
            value = op == '*' ? value * right : right == 0 ? throw Error("division by zero") : value / right;
        }
        return value;
    }

    long Unary()
    {
        char c = Peek();
        if (c == '-') { pos++; return -Unary(); }
        if (c == '(')
        {
            pos++;
            long value = Sum();
            if (Peek() != ')')
                throw Error("missing ')'");
            pos++;
            return value;
        }
        int start = pos;
        while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '_' or '.'))
            pos++;
        string word = text[start..pos];
        if (word.Length == 0)
            throw Error("bad expression");
        if (char.IsAsciiDigit(word[0]))
            return word.StartsWith("0x") ? Convert.ToInt64(word[2..], 16) : long.Parse(word);
        if (symbols.TryGetValue(word, out long v))
            return v;
        pos = start;
        throw Error($"symbol '{word}' is not absolute");
    }

    char Peek()
    {
        Skip();
        return pos < text.Length ? text[pos] : '\0';
    }

    void Skip()
    {
        while (pos < text.Length && text[pos] == ' ')
            pos++;
    }

    AsmError Error(string message) => new(line.At(index + pos), message);
}
