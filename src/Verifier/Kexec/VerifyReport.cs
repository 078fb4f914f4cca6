using System.Text;
using System.Text.Json;

namespace A64Asm.Verifier.Kexec;

/// <summary>The outcome of one verification: pass/fail, findings, what was executed, and how long each part took.</summary>
public sealed class VerifyReport
{
    public required bool Passed { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    /// <summary>The hand-off convention's command-line name (patched-quads, patched-globals, spin-table, regs, regs-dtb, kimage-struct) and why it was used.</summary>
    public string Convention { get; init; } = "";
    public string ConventionReason { get; init; } = "";
    /// <summary>Where a real payload (--kernel, --dtb, --initrd) was placed, and what of it was not checked; empty for a generated kimage.</summary>
    public string Payload { get; init; } = "";
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

    /// <summary>What was relocated, as the report's kimage line says it.</summary>
    public string KimageLine => $"{PagesChecked} pages of {PageSize / 1024}K in {Segments} segments, {IndirectionPages} indirection pages";

    public bool Has(string id) => Findings.Any(f => f.Id == id);

    public string ToText()
    {
        var sb = new StringBuilder();
        sb.AppendLine(Passed ? "verify: PASS" : "verify: FAIL");
        sb.AppendLine(ConventionReason.Length > 0 ? $"  convention: {Convention}; {ConventionReason}" : $"  convention: {Convention}");
        if (Payload.Length > 0) sb.AppendLine($"  payload: {Payload}");
        sb.AppendLine($"  kimage: {KimageLine}");
        sb.AppendLine($"  executed: {Instructions:N0} instructions, {Loads:N0} loads, {Stores:N0} stores, {CacheMaintenance:N0} cache maintenance ops, {Barriers:N0} barriers");
        if (EntryRegisters.Length == 4)
            sb.AppendLine($"  at entry: x0=0x{EntryRegisters[0]:x} x1=0x{EntryRegisters[1]:x} x2=0x{EntryRegisters[2]:x} x3=0x{EntryRegisters[3]:x}");
        sb.AppendLine($"  time: build {BuildTime.TotalMilliseconds:F0} ms, run {RunTime.TotalMilliseconds:F0} ms, check {CheckTime.TotalMilliseconds:F0} ms");
        foreach (var f in Findings) sb.AppendLine(f.ToString());
        return sb.ToString();
    }

    public string ToJson() => JsonObject(Passed, Convention, ConventionReason, Payload, w =>
    {
        w.WriteNumber("pageSize", PageSize);
        w.WriteNumber("pagesChecked", PagesChecked);
        w.WriteNumber("pagesCopied", PagesCopied);
        w.WriteNumber("segments", Segments);
        w.WriteNumber("indirectionPages", IndirectionPages);
        w.WriteNumber("instructions", Instructions);
        w.WriteNumber("loads", Loads);
        w.WriteNumber("stores", Stores);
        w.WriteNumber("cacheMaintenance", CacheMaintenance);
        w.WriteNumber("barriers", Barriers);
        w.WriteStartArray("entryRegisters");
        foreach (var r in EntryRegisters) w.WriteStringValue($"0x{r:x}");
        w.WriteEndArray();
        w.WriteStartObject("timeMs");
        w.WriteNumber("build", BuildTime.TotalMilliseconds);
        w.WriteNumber("run", RunTime.TotalMilliseconds);
        w.WriteNumber("check", CheckTime.TotalMilliseconds);
        w.WriteEndObject();
        w.WriteStartArray("findings");
        foreach (var f in Findings)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteString("summary", f.Summary);
            if (f.Pc is { } pc) w.WriteString("pc", $"0x{pc:x}");
            if (f.Instruction is not null) w.WriteString("instruction", f.Instruction);
            if (f.Source is { } source)
            {
                w.WriteStartObject("source");
                w.WriteString("file", source.File);
                w.WriteNumber("line", source.Line);
                w.WriteString("text", source.Text);
                if (source.Context is not null) w.WriteString("context", source.Context);
                w.WriteEndObject();
            }
            w.WriteString("why", f.Why);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    /// <summary>
    /// A report as JSON: the fields every run reports (verdict, convention, payload), then <paramref name="fields"/>.
    /// Written field by field (no reflection) so that it works in the Native AOT build of the CLI.
    /// </summary>
    internal static string JsonObject(bool passed, string convention, string conventionReason, string payload, Action<Utf8JsonWriter> fields)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteBoolean("passed", passed);
            w.WriteString("convention", convention);
            w.WriteString("conventionReason", conventionReason);
            if (payload.Length > 0) w.WriteString("payload", payload);
            fields(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

}
