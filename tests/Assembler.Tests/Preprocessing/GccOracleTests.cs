using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Preprocessing;

namespace A64Asm.Assembler.Tests.Preprocessing;

/// <summary>Token-for-token comparison with GNU cpp on the sample and on inputs chosen to be tricky.</summary>
public class GccOracleTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "stringize-paste", """
            #define STR(x) #x
            #define XSTR(x) STR(x)
            #define CAT(a, b) a ## b
            #define CAT3(a, b, c) a ## b ## c
            #define VAL 42
            STR(VAL) XSTR(VAL) STR( a  "q\n" 'c'  b ) STR() XSTR(__LINE__)
            CAT(x, 1) CAT(, y) CAT(z, ) CAT(,) CAT3(a, , c) CAT(VAL, VAL) CAT(<, <) CAT(1, e) CAT(.L, oop)
            CAT(1, +) CAT(+, +)
            #define IMM(n) mov x0, #n
            #define HASH #
            IMM(4) HASH 5 CAT(#, #)
            """ },
        { "variadic", """
            #define E(fmt, ...) call(fmt, ## __VA_ARGS__)
            #define F(...) [__VA_ARGS__] #__VA_ARGS__
            #define G(first, rest...) <first|rest>
            #define H(a, ...) a __VA_ARGS__
            #define V(...) v(x, ## __VA_ARGS__)
            E(1) E(1, 2) E(1, 2, 3) E(1,) E(1, ) F() F(a, b , c) F((1, 2), 3) V() V(1) V(1, 2)
            G(1) G(1, 2, 3) H(x) H(x, y)
            """ },
        { "nested-and-multiline", """
            #define f(a) a*g
            #define g(a) f(a)
            #define ID(x) x
            #define TWICE(x) x x
            #define APPLY(m, a) m(a)
            #define LPAREN (
            f(2)(9)
            ID(ID(ID(3))) TWICE(TWICE(t)) APPLY(ID, 7) APPLY(TWICE, u)
            ID
            (
              ID(4) +
              5
            ) after
            ID
            not_called
            ID LPAREN 6)
            """ },
        { "c-standard-example", """
            #define x 3
            #define f(a) f(x * (a))
            #undef x
            #define x 2
            #define g f
            #define z z[0]
            #define h g(~
            #define m(a) a(w)
            #define w 0,1
            #define t(a) a
            #define p() int
            #define q(x) x
            #define r(x,y) x ## y
            #define str(x) # x
            f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
            g(x+(3,4)-w) | h 5) & m
            (f)^m(m);
            p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
            char c[2][6] = { str(hello), str() };
            """ },
        { "rescanning-and-spacing", """
            #define EMPTY
            #define LPAREN (
            #define RPAREN )
            #define F(x, y) x + y
            #define ELLIP_FUNC(...) __VA_ARGS__
            #define OBJ F LPAREN 1, 2 RPAREN
            #define G(x) #x
            #define XG(x) G(x)
            #define CAT(a,b) a##b
            #define XCAT(a,b) CAT(a,b)
            OBJ
            F EMPTY (3, 4)
            ELLIP_FUNC(F, LPAREN, 'a', RPAREN)
            XG(OBJ) XG(F EMPTY (5,6)) G(  leading   and trailing  )
            XCAT(XCAT(a, b), c) CAT(x, CAT(y, z)) XCAT(1, EMPTY)
            G(\n) G('\'') G("\\" "\"") G(a
            b
            c)
            #define hash_hash # ## #
            #define mkstr(a) # a
            #define in_between(a) mkstr(a)
            #define join(c, d) in_between(c hash_hash d)
            char p[] = join(x, y);
            #define t(x,y,z) x ## y ## z
            int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
            t(10,,), t(,11,), t(,,12), t(,,) };
            #define OBJ_LIKE (1-1)
            #define OBJ_LIKE /* white space */ (1-1) /* other */
            #define FUNC_LIKE(a) ( a )
            #define FUNC_LIKE( a )( /* note the white space */ \
            a /* other stuff on this line
            */ )
            FUNC_LIKE(q) OBJ_LIKE
            #define debug(...) fprintf(stderr, __VA_ARGS__)
            #define showlist(...) puts(#__VA_ARGS__)
            #define report(test, ...) ((test)?puts(#test): printf(__VA_ARGS__))
            debug("Flag");
            debug("X = %d\n", x);
            showlist(The first, second, and third items.);
            report(x>y, "x is %d but y is %d", x, y);
            __LINE__ __INCLUDE_LEVEL__
            .L$foo: mov x0, #'a'
            """ },
        { "va-opt", """
            #define F(a,...) f(a __VA_OPT__(,) __VA_ARGS__)
            #define G(X, ...) X __VA_OPT__(- X ## __VA_ARGS__ -) end
            #define H(...) [__VA_OPT__(x ## __VA_ARGS__ y)]
            #define E
            F(1) F(1,2) F(1,E) G(a) G(a, b) H() H(1) H(E)
            """ },
        { "if-arithmetic", """
            #define A 5
            #define B (A * 2)
            #define HAS_A defined(A) && defined A
            #if B == 10 && (B << 60) >> 60 == -6 && -1 < 0 && -1 > 0u && 'z' - 'a' == 25
            ok1
            #endif
            #if 0x10 + 010 + 0b10 + 10UL + 1ull != 37 || !defined A || defined(NOPE)
            bad
            #elif (7 / 2 == 3) && (-7 % 3 == -1) && (~0 == -1) && (1 ? 2 : 3) == 2 && (0, 8) == 8
            ok2
            #else
            bad
            #endif
            #if HAS_A && (0 && 1 / 0) == 0 && (1 || 1 / 0) && UNDEFINED_NAME == 0
            ok3
            #endif
            #ifdef __ASSEMBLER__
            ok4 __aarch64__ __LP64__
            #endif
            """ },
        { "assembly-text", """
            #define REG x0
            #define N 4
            /* a comment
               over lines */ mov REG, #N // trailing
            	ldr	x1, =0x1234 ; not a comment to cpp: REG
            	mov	x2, 'a'  // it's REG
            	.ascii "REG /* not a comment */"
            	mov	x3, 'b, REG, 'c
            	mov	x4, 'e REG
            	add	x5, x6, #(N * \
            	2)
            1:	b.ne	1b
            	.macro m, reg
            	mov \reg, #N
            	.endm
            .LREG: .L1 REG.N N.REG $REG
            """ },
    };

    [OracleTheory]
    [MemberData(nameof(Cases))]
    public void MatchesGnuCpp(string name, string source)
    {
        using var dir = new TempDir();
        string file = Path.Combine(dir.Root, name + ".S");
        File.WriteAllText(file, source.Replace("\r\n", "\n") + "\n");
        var mine = Preprocessor.Run(file, new PreprocessorOptions(), new CollectingDiagnostics());
        Assert.Equal(GccOracle.Preprocess(file, []), GccOracle.Normalize(mine.Select(l => l.Text)));
    }

    [OracleFact]
    public void IncludesMatchGnuCpp()
    {
        using var dir = new TempDir();
        void Write(string rel, string text)
        {
            string full = Path.Combine(dir.Root, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        Write("src/main.S", "#include \"local.h\"\n#include <lib.h>\n#define HDR <sub/deep.h>\n#include HDR\nmain __INCLUDE_LEVEL__ LOCAL LIB\n"
                            + "#if __has_include(\"local.h\") && __has_include(<sub/deep.h>) && !__has_include(<nope.h>) && defined __has_include\nhas\n#endif\n");
        Write("src/local.h", "#pragma once\n#define LOCAL 1\nlocal __FILE__ __INCLUDE_LEVEL__\n#include \"local.h\"\n");
        Write("inc1/lib.h", "lib1 __FILE__\n#if __has_include_next(<lib.h>)\n#include_next <lib.h>\n#endif\n");
        Write("inc2/lib.h", "#ifndef LIB\n#define LIB 2\n#endif\nlib2 LIB __BASE_FILE__\n");
        Write("inc1/sub/deep.h", "#include \"../lib.h\"\ndeep\n");
        string main = Path.Combine(dir.Root, "src", "main.S");
        var options = new PreprocessorOptions();
        options.IncludeDirs.Add(Path.Combine(dir.Root, "inc1"));
        options.IncludeDirs.Add(Path.Combine(dir.Root, "inc2"));
        var mine = Preprocessor.Run(main, options, new CollectingDiagnostics());
        var gcc = GccOracle.Preprocess(main, ["-I", options.IncludeDirs[0], "-I", options.IncludeDirs[1]]);
        Assert.Equal(gcc, GccOracle.Normalize(mine.Select(l => l.Text)));
        Assert.Equal(9, gcc.Count);
    }

    [OracleTheory]
    [InlineData("12")]
    [InlineData("14")]
    [InlineData("16")]
    public void SampleKernelFileMatchesGnuCpp(string pageShift)
    {
        string root = Repo.Root;
        string sample = Path.Combine(root, "samples", "relocate_kernel.S");
        string include = Path.Combine(root, "samples", "include");
        var options = new PreprocessorOptions();
        options.IncludeDirs.Add(include);
        options.Defines.Add(new("PAGE_SHIFT", pageShift));
        var mine = Preprocessor.Run(sample, options, new CollectingDiagnostics());
        var gcc = GccOracle.Preprocess(sample, ["-I", include, "-DPAGE_SHIFT=" + pageShift]);
        Assert.Equal(gcc, GccOracle.Normalize(mine.Select(l => l.Text)));
        Assert.Contains($"and x13 , x18 , ( ~ ( ( 1 << {pageShift} ) - 1 ) )", gcc);
    }

    [Fact]
    public void SampleRejectsAnUnsupportedPageShiftLikeGcc()
    {
        string root = Repo.Root;
        var options = new PreprocessorOptions();
        options.IncludeDirs.Add(Path.Combine(root, "samples", "include"));
        options.Defines.Add(new("PAGE_SHIFT", "13"));
        var e = Assert.Throws<AsmError>(() => Preprocessor.Run(Path.Combine(root, "samples", "relocate_kernel.S"), options, new CollectingDiagnostics()));
        Assert.Equal("#error \"PAGE_SHIFT must be 12, 14 or 16 (4K, 16K or 64K pages)\"", e.Message);
        Assert.Equal(13, e.Location!.Pos.Line);
        Assert.EndsWith("page.h", e.Location.Pos.File.DisplayPath);
    }
}
