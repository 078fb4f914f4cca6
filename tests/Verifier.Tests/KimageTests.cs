using A64Asm.Verifier.Emulation;
using A64Asm.Verifier.Kexec;
using Xunit.Abstractions;

namespace A64Asm.Verifier.Tests;

public class KimageTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(KimageShape.Empty, 0)]
    [InlineData(KimageShape.SinglePage, 1)]
    [InlineData(KimageShape.ChainedIndirection, 40)]
    [InlineData(KimageShape.Normal, 40)]
    public void Sample_handles_list_edge_cases(KimageShape shape, int pages)
    {
        var report = Vectors.Verify("sample-4k", new VerifyOptions { Shape = shape, Pages = 40 });
        output.WriteLine(report.ToText());
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(pages, report.PagesCopied);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(16384)]
    [InlineData(65536)]
    public void Many_small_indirection_pages_are_followed(int pageSize)
    {
        string blob = pageSize switch { 4096 => "sample-4k", 16384 => "sample-16k", _ => "sample-64k" };
        var report = Vectors.Verify(blob, new VerifyOptions { PageSize = pageSize, Pages = 30, EntriesPerIndirection = 4, Segments = 6 });
        Assert.True(report.Passed, report.ToText());
        Assert.True(report.IndirectionPages >= 10);
        Assert.Equal(6, report.Segments);
    }

    [Fact]
    public void Sources_beyond_the_storage_ring_are_regenerated_exactly()
    {
        // 2,100 pages of 16K = 8,400 source frames, more than the ring of recycled source storage holds.
        var report = Vectors.Verify("sample-16k", new VerifyOptions { PageSize = 16384, Pages = 2100 });
        Assert.True(report.Passed, report.ToText());
        Assert.Equal(2100, report.PagesCopied);
        var broken = Vectors.Verify("offbyone-4k", new VerifyOptions { Pages = 8300 });
        Assert.Contains("8300 of 8300 destination pages differ", broken.Findings.Single(f => f.Id == FindingIds.PageMismatch).Summary);
    }

    [Fact]
    public void Builder_lays_out_a_kernel_style_list()
    {
        using var memory = new PhysicalMemory();
        var k = KimageBuilder.Build(memory, new KimageSpec { Pages = 20, Segments = 3, EntriesPerIndirection = 8, Seed = 3 });
        Assert.Equal(KimageEntry.Indirection, k.Head & 0xF);
        Assert.Equal(KimageEntry.Done, k.Entries[^1]);
        Assert.Equal(3, k.Segments.Count);
        Assert.Equal(20, k.Copies.Length);
        // Segments are not contiguous, and a guard page sits after each.
        for (int s = 1; s < k.Segments.Count; s++)
            Assert.True(k.Segments[s].Address > k.Segments[s - 1].Address + (ulong)k.Segments[s - 1].Pages * 4096);
        foreach (var seg in k.Segments)
            Assert.Equal(FrameRole.Guard, memory.RoleOf(seg.Address + (ulong)seg.Pages * 4096));
        // Walk the list as the relocation code does and recover every copy.
        var walked = new List<PageCopy>();
        ulong ptr = 0, dest = 0, entry = k.Head;
        while ((entry & KimageEntry.Done) == 0)
        {
            ulong addr = entry & ~0xFFFUL;
            if ((entry & KimageEntry.Source) != 0) { walked.Add(new PageCopy(dest, addr)); dest += 4096; }
            else if ((entry & KimageEntry.Indirection) != 0) ptr = addr;
            else if ((entry & KimageEntry.Destination) != 0) dest = addr;
            entry = memory.ReadUInt64(ptr);
            ptr += 8;
        }
        Assert.Equal(k.Copies, walked);
        Assert.Equal(k.Copies.Length, k.Copies.Select(c => c.Source).Distinct().Count());
    }

    [Fact]
    public void Builder_is_deterministic_for_a_seed()
    {
        using var a = new PhysicalMemory();
        using var b = new PhysicalMemory();
        var ka = KimageBuilder.Build(a, new KimageSpec { Pages = 10, Seed = 99 });
        var kb = KimageBuilder.Build(b, new KimageSpec { Pages = 10, Seed = 99 });
        Assert.Equal(ka.Copies, kb.Copies);
        Assert.True(a.Frame(ka.Copies[5].Source).SequenceEqual(b.Frame(kb.Copies[5].Source)));
        Assert.False(a.Frame(ka.Copies[5].Source).SequenceEqual(a.Frame(ka.Copies[6].Source)));
    }

    [Fact]
    public void Empty_list_head_is_done()
    {
        using var memory = new PhysicalMemory();
        var k = KimageBuilder.Build(memory, new KimageSpec { Shape = KimageShape.Empty });
        Assert.Equal(KimageEntry.Done, k.Head);
        Assert.Empty(k.Copies);
    }
}
