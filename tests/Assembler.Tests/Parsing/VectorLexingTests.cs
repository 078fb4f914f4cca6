using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Parsing;
using A64Asm.Assembler.Parsing.Generated;
using Antlr4.Runtime;
using Xunit.Sdk;

namespace A64Asm.Assembler.Tests.Parsing;

/// <summary>
/// The hand-written <see cref="StatementLexer"/> against the lexer ANTLR generates from grammar/A64Asm.g4, token for
/// token (type, text, start), over every line of every text file under tests/vectors: assembly in (mc, e2e,
/// generations, kexec), disassembly and symbol listings out. Where the hand lexer stops at a character that starts
/// no token, the generated lexer must report that character too, after the same tokens.
/// </summary>
public class VectorLexingTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        string root = Path.Combine(Repo.Root, "tests", "vectors");
        foreach (var f in Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                     .Where(f => !f.EndsWith(".bin", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(root, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_line_lexes_the_same_both_ways(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Root, "tests", "vectors", file));
        Assert.NotEmpty(lines);
        var lexer = new StatementLexer();
        var failures = new List<string>();
        for (int n = 0; n < lines.Length; n++)
        {
            string text = lines[n];
            var line = new SourceLine(text, new SourceText(file, text), n + 1);
            lexer.Lex(line, text, 0, text.Length, 0);
            var ours = new List<(int Type, string Text, int Start)>();
            for (int i = 0; i < lexer.Count && lexer.Types[i] != TokenConstants.EOF; i++)
                ours.Add((lexer.Types[i], lexer.Text(i), lexer.Start(i)));
            int? ourError = lexer.Error?.Location?.Pos.Column - 1;

            var (theirs, theirError) = Generated(text);
            if (ourError is { } at)
            {
                // The grammar's lexer goes on after a bad character; compare what comes before it.
                theirs = theirs.Where(t => t.Start < at).ToList();
                if (theirError != at)
                    failures.Add($"{file}:{n + 1}: we stop at column {at + 1}, the grammar's lexer {(theirError is null ? "nowhere" : $"at {theirError + 1}")}: {text}");
            }
            else if (theirError is not null)
                failures.Add($"{file}:{n + 1}: the grammar's lexer rejects column {theirError + 1}, we do not: {text}");
            if (!ours.SequenceEqual(theirs))
                failures.Add($"{file}:{n + 1}: {text}\n    ours:    {Show(ours)}\n    grammar: {Show(theirs)}");
        }
        if (failures.Count > 0)
            throw new XunitException($"{failures.Count} of {lines.Length} lines differ:\n" + string.Join("\n", failures.Take(30)));
    }

    private static (List<(int Type, string Text, int Start)> Tokens, int? Error) Generated(string text)
    {
        var lexer = new A64AsmLexer(CharStreams.fromString(text));
        lexer.RemoveErrorListeners();
        var errors = new FirstError();
        lexer.AddErrorListener(errors);
        var tokens = lexer.GetAllTokens().Select(t => (t.Type, t.Text, t.StartIndex)).ToList();
        return (tokens, errors.Index);
    }

    private sealed class FirstError : IAntlrErrorListener<int>
    {
        public int? Index { get; private set; }

        public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine,
            string msg, RecognitionException e) => Index ??= charPositionInLine;
    }

    private static string Show(List<(int Type, string Text, int Start)> tokens) =>
        string.Join(" ", tokens.Select(t => $"{A64AsmLexer.DefaultVocabulary.GetSymbolicName(t.Type)}'{t.Text}'@{t.Start}"));
}
