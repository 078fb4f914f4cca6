using A64Asm.Assembler.Layout;
using A64Asm.Linker;
using A64Asm.Verifier.Kexec;

namespace A64Asm.Cli.Commands;

/// <summary>Places an object's line table in a linked image: each section's lines at the address the link gave it.</summary>
public static class ImageLines
{
    public static ImageSourceLines Of(SourceLineTable table, LinkedImage linked, string objectName, ulong imageBase)
    {
        var placed = new Dictionary<string, ulong>();
        foreach (var output in linked.Map?.Outputs ?? [])
            foreach (var input in output.Inputs)
                if (input.Object == objectName && input.Fill is null && input.Assignment is null)
                    placed.TryAdd(input.Section, input.Address);
        var ranges = new List<(ulong, ulong, SourceRef)>();
        foreach (var r in table.Ranges)
            if (placed.TryGetValue(r.Section, out ulong address) && address + (ulong)r.Offset >= imageBase)
                ranges.Add((address + (ulong)r.Offset - imageBase, (ulong)r.Length, new SourceRef(r.File, r.Line, r.Text, r.Context)));
        return new ImageSourceLines(ranges);
    }
}
