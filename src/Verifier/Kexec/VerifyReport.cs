using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace A64Asm.Verifier.Kexec;

/// <summary>The outcome of one verification: pass/fail, findings, what was executed, and how long each part took.</summary>
public sealed class VerifyReport
{
    public required bool Passed { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public long Instructions { get; init; }
    public long Loads { get; init; }
    public long Stores { get; init; }
    public long CacheMaintenance { get; init; }
    public long Barriers { get; init; }
    public int PageSize { get; init; }
    public int PagesCopied { get; init; }
    public int PagesChecked { get; init; }
    public int IndirectionPages { get; init; }
    public int Segments { get; init; }
    /// <summary>x0..x3 at the branch to kimage_start.</summary>
    public ulong[] EntryRegisters { get; init; } = Array.Empty<ulong>();
    public TimeSpan BuildTime { get; init; }
    public TimeSpan RunTime { get; init; }
    public TimeSpan CheckTime { get; init; }

    public bool Has(string id) => Findings.Any(f => f.Id == id);

    public string ToText()
    {
        var sb = new StringBuilder();
        sb.AppendLine(Passed ? "verify: PASS" : "verify: FAIL");
        sb.AppendLine($"  kimage: {PagesChecked} pages of {PageSize / 1024}K in {Segments} segments, {IndirectionPages} indirection pages");
        sb.AppendLine($"  executed: {Instructions:N0} instructions, {Loads:N0} loads, {Stores:N0} stores, {CacheMaintenance:N0} cache maintenance ops, {Barriers:N0} barriers");
        if (EntryRegisters.Length == 4)
            sb.AppendLine($"  at entry: x0=0x{EntryRegisters[0]:x} x1=0x{EntryRegisters[1]:x} x2=0x{EntryRegisters[2]:x} x3=0x{EntryRegisters[3]:x}");
        sb.AppendLine($"  time: build {BuildTime.TotalMilliseconds:F0} ms, run {RunTime.TotalMilliseconds:F0} ms, check {CheckTime.TotalMilliseconds:F0} ms");
        foreach (var f in Findings) sb.AppendLine(f.ToString());
        return sb.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        passed = Passed,
        pageSize = PageSize,
        pagesChecked = PagesChecked,
        pagesCopied = PagesCopied,
        segments = Segments,
        indirectionPages = IndirectionPages,
        instructions = Instructions,
        loads = Loads,
        stores = Stores,
        cacheMaintenance = CacheMaintenance,
        barriers = Barriers,
        entryRegisters = EntryRegisters.Select(r => $"0x{r:x}").ToArray(),
        timeMs = new { build = BuildTime.TotalMilliseconds, run = RunTime.TotalMilliseconds, check = CheckTime.TotalMilliseconds },
        findings = Findings.Select(f => new
        {
            id = f.Id,
            summary = f.Summary,
            pc = f.Pc is { } pc ? $"0x{pc:x}" : null,
            instruction = f.Instruction,
            why = f.Why,
        }).ToArray(),
    }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
