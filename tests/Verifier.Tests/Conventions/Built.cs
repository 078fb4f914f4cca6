using A64Asm.Assembler;
using A64Asm.Assembler.Diagnostics;
using A64Asm.Assembler.Elf;
using A64Asm.Linker;
using A64Asm.Linker.Kexec;
using A64Asm.Linker.Output;
using A64Asm.Verifier.Kexec;

namespace A64Asm.Verifier.Tests.Conventions;

/// <summary>
/// A test program built as a user builds it: a64asm assembles it (with a header next to it), our linker links it at
/// 0, -j cuts it when asked. What verify then gets is the file and what the offsets file would say about it.
/// </summary>
internal sealed class Built
{
    public required byte[] File { get; init; }
    public required KexecOffsets Offsets { get; init; }

    /// <summary>The bytes machine_kexec copies (the whole file when nothing marks them).</summary>
    public byte[] ControlCode => Offsets.ControlCode is { } c ? File.AsSpan((int)c.Offset, (int)c.Size).ToArray() : File;

    public static Built From(string source, string header = "", params string[] onlySections)
    {
        string dir = Path.Combine(Path.GetTempPath(), "a64conv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            System.IO.File.WriteAllText(Path.Combine(dir, "kimage.h"), header);
            var options = new AssemblerOptions();
            options.IncludeDirs.Add(dir);
            var obj = AsmDriver.AssembleText("reloc.S", source, options, new CollectingDiagnostics());
            var linked = A64Asm.Linker.Linker.Link([new LinkerInput("reloc.o", ElfObjectWriter.Write(obj))], new LinkerOptions());
            var file = onlySections.Length > 0 ? SectionSelection.Only(linked, onlySections) : linked;
            KexecOffsets.TryRead(linked, file, out var offsets);
            return new Built { File = file.Flat, Offsets = offsets };
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The patch places the offsets file names for the globals, as the CLI builds the layout from them.</summary>
    public KexecLayout GlobalsLayout()
    {
        ulong? Slot(string role) => Offsets.PatchSlots.FirstOrDefault(s => s.Role == role)?.Offset;
        return new KexecLayout(Slot(KexecPatchSlot.KimageStart)!.Value, Slot(KexecPatchSlot.KimageHead)!.Value) { DtbOffset = Slot(KexecPatchSlot.Dtb) };
    }

    /// <summary>The convention verify picks for this build, as the CLI asks the picker.</summary>
    public ConventionChoice? Pick(bool kimageFieldsGiven = false)
    {
        var marking = Offsets.ControlCode?.Mark switch
        {
            ControlCodeMark.SizeQuad => CodeMarking.SizeQuad,
            ControlCodeMark.EarlySizeQuad => CodeMarking.EarlySizeQuad,
            ControlCodeMark.StartEndSymbols => CodeMarking.StartEndSymbols,
            ControlCodeMark.Section => CodeMarking.Section,
            _ => CodeMarking.None,
        };
        bool patch = Offsets["arm64_kexec_kimage_start_offset"] is not null && Offsets["arm64_kexec_kimage_head_offset"] is not null;
        bool globals = Offsets.PatchSlots.Any(s => s.Role == KexecPatchSlot.KimageHead);
        return ConventionPicker.Pick(patch, globals, marking, ControlCode, kimageFieldsGiven);
    }
}
