using System.Collections.Frozen;

namespace A64Asm.Assembler.Macros;

/// <summary>The directives this layer consumes; every other statement passes through.</summary>
internal enum Directive
{
    None,
    Macro, Endm, Exitm, Purgem, AltMacro, NoAltMacro,
    Rept, Irp, Irpc, Endr,
    If, IfDef, IfNotDef, IfC, IfNc, IfEqs, IfNes, IfB, IfNb, IfEq, IfNe, IfGt, IfGe, IfLt, IfLe,
    Else, ElseIf, EndIf,
    Include, Err, Error, Warning, Print, End,
}

internal static class Directives
{
    static readonly FrozenDictionary<string, Directive> ByName = new Dictionary<string, Directive>
    {
        [".macro"] = Directive.Macro, [".endm"] = Directive.Endm, [".exitm"] = Directive.Exitm,
        [".purgem"] = Directive.Purgem, [".altmacro"] = Directive.AltMacro, [".noaltmacro"] = Directive.NoAltMacro,
        [".rept"] = Directive.Rept, [".irp"] = Directive.Irp, [".irpc"] = Directive.Irpc, [".endr"] = Directive.Endr,
        [".if"] = Directive.If, [".ifdef"] = Directive.IfDef, [".ifndef"] = Directive.IfNotDef,
        [".ifnotdef"] = Directive.IfNotDef, [".ifc"] = Directive.IfC, [".ifnc"] = Directive.IfNc,
        [".ifeqs"] = Directive.IfEqs, [".ifnes"] = Directive.IfNes, [".ifb"] = Directive.IfB, [".ifnb"] = Directive.IfNb,
        [".ifeq"] = Directive.IfEq, [".ifne"] = Directive.IfNe, [".ifgt"] = Directive.IfGt, [".ifge"] = Directive.IfGe,
        [".iflt"] = Directive.IfLt, [".ifle"] = Directive.IfLe,
        [".else"] = Directive.Else, [".elseif"] = Directive.ElseIf, [".endif"] = Directive.EndIf,
        [".include"] = Directive.Include, [".err"] = Directive.Err, [".error"] = Directive.Error,
        [".warning"] = Directive.Warning, [".print"] = Directive.Print, [".end"] = Directive.End,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    static readonly FrozenDictionary<string, Directive>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    public static Directive Lookup(ReadOnlySpan<char> keyword) =>
        keyword.Length > 2 && keyword[0] == '.' && BySpan.TryGetValue(keyword, out var d) ? d : Directive.None;

    public static bool IsConditional(this Directive d) => d is >= Directive.If and <= Directive.EndIf;
}
