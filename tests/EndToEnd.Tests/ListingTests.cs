using System.Text.RegularExpressions;

namespace A64Asm.EndToEnd.Tests;

/// <summary>--listing on the sample: every listed byte sits at the address gas -al lists it at.</summary>
public class ListingTests
{
    // "  53 0000 52070058 \t..." (first line) and "  54      004C50D3 " (continuation); page headers match neither.
    static readonly Regex First = new(@"^ *\d+ ([0-9a-f]{4,}) ([0-9A-F]+) *\t", RegexOptions.Compiled);
    static readonly Regex Continuation = new(@"^ *\d+      ([0-9A-F]+) ?$", RegexOptions.Compiled);

    [OracleFact]
    public void Sample_listing_addresses_and_bytes_match_gas()
    {
        string dir = TempDir.Create();
        string listingPath = Path.Combine(dir, "reloc.lst");
        var (status, _, stderr) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", Path.Combine(dir, "reloc.bin"), "--listing", listingPath);
        Assert.True(status == 0, stderr);
        string ours = File.ReadAllText(listingPath);

        string preprocessed = Path.Combine(dir, "reloc.s");
        Gnu.Check("gcc", "-E", "-D__ASSEMBLY__", "-I", "samples/include", "samples/relocate_kernel.S", "-o", preprocessed);
        var gas = Gnu.Check("as", "-al", preprocessed, "-o", Path.Combine(dir, "gas.o"));

        // gas lists a macro use as one line holding all its bytes; this listing gives each expanded line its own
        // address. Byte by byte, both must agree.
        var expected = BytesByAddress(gas.Stdout, out int gasInstructionLines);
        var actual = BytesByAddress(ours, out int ourInstructionLines);
        Assert.Equal(expected, actual);
        // 0xe0 bytes of code: 56 instructions, listed on 56 lines here and on 53 by gas (one macro use of 4).
        Assert.Equal((53, 56), (gasInstructionLines, ourInstructionLines));
        // No host paths: only the paths as given on the command line and by #include.
        Assert.DoesNotContain(Repo.Root, ours);
    }

    [OracleFact]
    public void Lines_of_gcc_E_output_are_numbered_where_they_stand_as_gas_numbers_them()
    {
        // Line markers rename and renumber lines (a header's lines, then k.S from line 40); the listing does not follow.
        string dir = TempDir.Create();
        string src = Path.Combine(dir, "k.s");
        File.WriteAllText(src, "# 1 \"k.S\"\n# 1 \"inc/h.h\" 1\n\tnop\n\tisb\n# 3 \"k.S\" 2\n\tdsb sy\n\n# 40 \"k.S\"\n\tmov x0, #1\n\tret\n");
        var (status, ours, stderr) = Cli.Run("-c", src, "-o", Path.Combine(dir, "k.o"), "-a");
        Assert.True(status == 0, stderr);
        var gas = Gnu.Run("as", "-al", src, "-o", Path.Combine(dir, "gas.o"));
        Assert.True(gas.Status == 0, gas.Stderr);
        static string[] Numbered(string listing) =>
            listing.Split('\n').Select(l => First.Match(l)).Where(m => m.Success).Select(m => m.Value.TrimEnd('\t', ' ')).ToArray();
        Assert.Equal(["   3 0000 1F2003D5", "   4 0004 DF3F03D5", "   6 0008 9F3F03D5", "   9 000c 200080D2", "  10 0010 C0035FD6"], Numbered(gas.Stdout));
        Assert.Equal(Numbered(gas.Stdout), Numbered(ours));
    }

    static SortedDictionary<long, byte> BytesByAddress(string listing, out int instructionLines)
    {
        var bytes = new SortedDictionary<long, byte>();
        long next = -1;
        instructionLines = 0;
        foreach (string line in listing.Split('\n'))
        {
            string hex;
            if (First.Match(line) is { Success: true } first)
            {
                next = Convert.ToInt64(first.Groups[1].Value, 16);
                hex = first.Groups[2].Value;
                if (hex.Length == 8 && !line.Contains(".quad") && !line.Contains(".org"))
                    instructionLines++;
            }
            else if (Continuation.Match(line) is { Success: true } cont)
                hex = cont.Groups[1].Value;
            else
                continue;
            foreach (byte b in Convert.FromHexString(hex))
                Assert.True(bytes.TryAdd(next++, b), $"address {next - 1:x} listed twice");
        }
        return bytes;
    }
}
