using A64Asm.Isa;
using A64Asm.Isa.Decoding;
using A64Asm.Verifier.Tests.Differential;
using Xunit.Abstractions;

namespace A64Asm.Verifier.Tests;

/// <summary>
/// What the qemu differential covers, checked without qemu: the program it runs draws every form the emulator
/// implements in each group it implements, the forms of those groups it leaves out are exactly the named gaps, and
/// the groups it does not execute at all are exactly the named ones.
/// </summary>
public class DifferentialCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_implemented_form_a_sequence_can_run_is_drawn()
    {
        var program = DifferentialProgram.Build(DifferentialProgram.SeedFromEnvironment());
        var counts = program.Counts();
        output.WriteLine($"seed {program.Seed}: {DifferentialProgram.Sequences} sequences");
        output.WriteLine(CoverageTable.Format(counts));
        output.WriteLine("Not compared (cannot run in place in a user-mode sequence): " +
            string.Join("; ", EmulatorScope.OutOfSequence.Select(kv => $"{kv.Key} ({kv.Value})")));
        output.WriteLine("Known gaps (in a covered group, not executed by the emulator): " + string.Join(", ", EmulatorScope.KnownGaps.Order()));
        output.WriteLine("Groups the emulator does not execute: " +
            string.Join(", ", EmulatorScope.UnimplementedGroups().Select(g => $"{g.Class} ({g.Forms.Length})")));

        var drawn = program.Forms.SelectMany(f => f).ToHashSet();
        var missing = EmulatorScope.Implemented.Keys
            .Where(c => !EmulatorScope.OutOfSequence.ContainsKey(c) && !drawn.Contains(c))
            .Select(c => $"{c} [{InstructionClasses.Of(c)}]").ToList();
        Assert.True(missing.Count == 0, "implemented but never drawn by the differential: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_known_gaps_are_exactly_the_unimplemented_forms_of_covered_groups()
    {
        var unimplemented = EmulatorScope.UnimplementedInCoveredGroups().Order().Select(c => c.ToString());
        Assert.Equal(string.Join(", ", EmulatorScope.KnownGaps.Order()), string.Join(", ", unimplemented));
    }

    [Fact]
    public void The_groups_not_executed_are_exactly_the_named_ones()
    {
        var probed = EmulatorScope.UnimplementedGroups().Select(g => g.Class).Order(StringComparer.Ordinal);
        Assert.True(string.Join(", ", EmulatorScope.NotExecutedGroups.Order(StringComparer.Ordinal)) == string.Join(", ", probed),
            "the groups the emulator executes nothing of: " + string.Join(", ", probed));
    }

    [Fact]
    public void Every_generated_word_decodes_to_a_drawable_form()
    {
        var drawable = EmulatorScope.Drawable().ToHashSet();
        var program = DifferentialProgram.Build(DifferentialProgram.SeedFromEnvironment());
        var strays = program.Words.SelectMany(w => w).Select(w => A64Decoder.Decode(w).Code)
            .Where(c => !drawable.Contains(c)).Distinct().ToList();
        Assert.Empty(strays);
    }
}
