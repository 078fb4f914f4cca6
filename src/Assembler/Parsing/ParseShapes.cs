using Antlr4.Runtime;

namespace A64Asm.Assembler.Parsing;

/// <summary>
/// Parse trees by token-type sequence. The grammar decides a statement's tree from its token types alone (it has
/// no actions and no predicates on token text), so a tree the generated parser built for one statement is the
/// tree it builds for every statement with the same types: its tokens are given the new text and positions
/// (<see cref="StatementTokenSource.Retarget"/>) and the tree is read again. Each shape is parsed by ANTLR once.
/// </summary>
internal sealed class ParseShapes
{
    // Real sources have a few hundred shapes; the bound only guards against pathological input.
    private const int MaxShapes = 1 << 14;

    private readonly Dictionary<TypeSequence, Shape> _shapes = new(new TypeSequenceComparer());
    private int[] _probe = new int[32];

    public sealed record Shape(ParserRuleContext Tree, IReadOnlyList<IToken> Tokens);

    // The probe key borrows one buffer, so looking up allocates nothing.
    public bool TryGet(ReadOnlySpan<int> types, out Shape shape)
    {
        if (_probe.Length < types.Length)
            _probe = new int[types.Length * 2];
        types.CopyTo(_probe);
        return _shapes.TryGetValue(new TypeSequence(_probe, types.Length), out shape!);
    }

    public void Add(ReadOnlySpan<int> types, ParserRuleContext tree, IReadOnlyList<IToken> tokens)
    {
        if (_shapes.Count >= MaxShapes)
            _shapes.Clear();
        _shapes[new TypeSequence(types.ToArray(), types.Length)] = new Shape(tree, tokens);
    }

    private readonly record struct TypeSequence(int[] Types, int Length)
    {
        public ReadOnlySpan<int> Span => Types.AsSpan(0, Length);
    }

    private sealed class TypeSequenceComparer : IEqualityComparer<TypeSequence>
    {
        public bool Equals(TypeSequence x, TypeSequence y) => x.Span.SequenceEqual(y.Span);

        public int GetHashCode(TypeSequence key)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(key.Span));
            return hash.ToHashCode();
        }
    }
}
