using System.Text;
using System.Text.Json;

namespace A64Asm.Verifier.Kexec;

/// <summary>One state of the matrix: its report, or why the convention never enters the code in it.</summary>
public sealed record EntryMatrixRow(EntryState State, VerifyReport? Report, string? NotRun)
{
    public bool Passed => Report?.Passed ?? true;

    /// <summary>The finding ids of the state's run, each once, in the order the checks found them.</summary>
    public IReadOnlyList<string> FindingIds => Report is null ? [] : Report.Findings.Select(f => f.Id).Distinct().ToList();

    /// <summary>"pass", the finding ids, or "n/a" for a state the convention never enters in.</summary>
    public string Result => Report is null ? "n/a" : Report.Passed ? "pass" : string.Join(", ", FindingIds);
}

/// <summary>
/// <c>verify --matrix</c>: the same image, kimage and options run once per entry state (EL1/EL2 × SCTLR.M × C × I), so a
/// reviewer sees which states the code survives and which findings each of the others gives.
/// </summary>
public sealed class EntryMatrix
{
    public required IReadOnlyList<EntryMatrixRow> Rows { get; init; }
    public string Convention { get; init; } = "";
    public string ConventionReason { get; init; } = "";
    /// <summary>The payload and kimage line of the runs' reports (the same in every state), empty when no state was run.</summary>
    public string Payload { get; init; } = "";
    public string Kimage { get; init; } = "";
    public bool Passed => Rows.All(r => r.Passed);
    public int Failed => Rows.Count(r => !r.Passed);
    public int StatesRun => Rows.Count(r => r.Report is not null);

    public static EntryMatrix Verify(ReadOnlySpan<byte> image, KexecLayout layout, VerifyOptions options, IProgress<double>? progress = null)
    {
        var rows = new List<EntryMatrixRow>();
        var states = EntryState.All;
        for (int i = 0; i < states.Count; i++)
        {
            var state = states[i];
            string? notRun = state.NotAnEntryOf(options);
            int done = i;
            var report = notRun is null
                ? KexecVerifier.Verify(image, layout, state.Apply(options),
                    progress is null ? null : new Proportion(progress, done, states.Count))
                : null;
            rows.Add(new EntryMatrixRow(state, report, notRun));
            progress?.Report((double)(i + 1) / states.Count);
        }
        var first = rows.FirstOrDefault(r => r.Report is not null)?.Report;
        return new EntryMatrix
        {
            Rows = rows,
            Convention = first?.Convention ?? ConventionPicker.NameOf(options.Convention),
            ConventionReason = first?.ConventionReason ?? options.ConventionReason,
            Payload = first?.Payload ?? "",
            Kimage = first is null ? "" : first.KimageLine,
        };
    }

    /// <summary>A state's progress as its share of the whole matrix.</summary>
    private sealed class Proportion(IProgress<double> whole, int index, int count) : IProgress<double>
    {
        public void Report(double value) => whole.Report((index + value) / count);
    }

    public const string Header = "EL   M    C    I    result";

    /// <summary>The table as text: one line per state, the finding ids of those that fail, then why states were not run.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.AppendLine(Passed ? $"verify --matrix: PASS ({StatesRun} entry states)" : $"verify --matrix: FAIL ({Failed} of {StatesRun} entry states)");
        sb.AppendLine(ConventionReason.Length > 0 ? $"  convention: {Convention}; {ConventionReason}" : $"  convention: {Convention}");
        if (Payload.Length > 0) sb.AppendLine($"  payload: {Payload}");
        if (Kimage.Length > 0) sb.AppendLine($"  kimage: {Kimage}");
        sb.AppendLine($"  {Header}");
        foreach (var row in Rows)
            sb.AppendLine($"  EL{row.State.ExceptionLevel}  {EntryState.OnOff(row.State.Mmu),-4} {EntryState.OnOff(row.State.DataCache),-4} {EntryState.OnOff(row.State.InstructionCache),-4} {row.Result}");
        foreach (var reason in Rows.Where(r => r.NotRun is not null).Select(r => r.NotRun).Distinct())
            sb.AppendLine($"  n/a: {reason}");
        if (!Passed)
            sb.AppendLine("  a state's findings in full: verify with --el 1|2 --mmu on|off --dcache on|off --icache on|off");
        return sb.ToString();
    }

    public string ToJson() => VerifyReport.JsonObject(Passed, Convention, ConventionReason, Payload, w =>
    {
        w.WriteStartArray("states");
        foreach (var row in Rows)
        {
            w.WriteStartObject();
            w.WriteNumber("el", row.State.ExceptionLevel);
            w.WriteBoolean("mmu", row.State.Mmu);
            w.WriteBoolean("dcache", row.State.DataCache);
            w.WriteBoolean("icache", row.State.InstructionCache);
            if (row.Report is null)
            {
                w.WriteNull("passed");
                w.WriteString("notRun", row.NotRun);
            }
            else
            {
                w.WriteBoolean("passed", row.Report.Passed);
                w.WriteStartArray("findings");
                foreach (var id in row.FindingIds) w.WriteStringValue(id);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });
}
