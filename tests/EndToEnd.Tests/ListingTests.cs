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
        if (!Repo.HaveGnuTools())
            return;
        string dir = Repo.TempDir();
        string listingPath = Path.Combine(dir, "reloc.lst");
        var (status, _, stderr) = Cli.Run("samples/relocate_kernel.S", "-I", "samples/include", "-o", Path.Combine(dir, "reloc.bin"), "--listing", listingPath);
        Assert.True(status == 0, stderr);
        string ours = File.ReadAllText(listingPath);

        var gas = Repo.Run("/bin/sh", "-c",
            $"aarch64-linux-gnu-gcc -E -D__ASSEMBLY__ -I samples/include samples/relocate_kernel.S | aarch64-linux-gnu-as -al -o '{Path.Combine(dir, "gas.o")}'");
        Assert.True(gas.Status == 0, gas.Stderr);

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
