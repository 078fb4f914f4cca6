using System.Collections.Frozen;
using A64Asm.Isa.Model;

namespace A64Asm.Isa;

public static partial class FormTable
{
    static FrozenDictionary<string, FormInfo>? _byId;

    /// <summary>The row with this table id (a form's Code name, or an alias id such as MOV_64_orr); null if none.</summary>
    public static FormInfo? ById(string id)
    {
        _byId ??= Rows.Skip(1).ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        return _byId.GetValueOrDefault(id);
    }
}
