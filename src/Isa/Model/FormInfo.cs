namespace A64Asm.Isa.Model;

/// <summary>A bit range of the instruction word, as named in the table's bit picture.</summary>
public readonly record struct FieldRef(byte Lsb, byte Width)
{
    public uint Mask => Width == 32 ? uint.MaxValue : ((1u << Width) - 1) << Lsb;
    public uint Extract(uint word) => (word >> Lsb) & ((1u << Width) - 1);
    public uint Insert(uint word, uint value) => (word & ~Mask) | ((value << Lsb) & Mask);
}

/// <summary>
/// One operand of a form: its kind (how it is parsed, encoded, decoded and printed), the fields it binds,
/// and a kind-specific parameter (an access size, a register width, ...).
/// </summary>
public sealed class OperandSpec(OperandKind kind, int param, bool optional, int defaultValue, FieldRef[] fields, Slot[] slots)
{
    public OperandKind Kind { get; } = kind;
    public int Param { get; } = param;
    public bool Optional { get; } = optional;
    /// <summary>Value put in the first field when an optional operand is absent.</summary>
    public int Default { get; } = defaultValue;
    public FieldRef[] Fields { get; } = fields;
    /// <summary>Where a register field's number goes in <see cref="Decoding.Instruction"/>, per field.</summary>
    public Slot[] Slots { get; } = slots;
    /// <summary>The bits of all the operand's fields together (their concatenated value's width).</summary>
    public int Width { get; } = fields.Sum(f => f.Width);
    public FieldRef F0 => Fields[0];
    public FieldRef F1 => Fields[1];
    public FieldRef F2 => Fields[2];
}

/// <summary>
/// One row of the instruction table: a real form (decodable, has a <see cref="Code"/>) or an alias
/// (an alternative spelling of a target form, encoded through it and printed when its condition holds).
/// </summary>
public sealed class FormInfo(
    Code code, string id, int index, string mnemonic, uint mask, uint value, uint[] excludes, OperandSpec[] operands,
    Feature feature, Code target, byte printPriority, AliasCondition condition, string syntax, string picture,
    EncodingField[] layout)
{
    /// <summary>The form's id; for an alias, the id of the form it spells.</summary>
    public Code Code { get; } = code;
    /// <summary>The row's own id in the table (an alias's too: MOV_64_orr, while its Code is ORR_64_imm).</summary>
    public string Id { get; } = id;
    /// <summary>Position in <see cref="FormTable.Rows"/>: the Code for a form, past the forms for an alias.</summary>
    public int Index { get; } = index;
    public string Mnemonic { get; } = mnemonic;
    public uint Mask { get; } = mask;
    public uint Value { get; } = value;
    /// <summary>Pairs (mask, value) the word must NOT match, from `field!=bits` in the picture.</summary>
    public uint[] Excludes { get; } = excludes;
    public OperandSpec[] Operands { get; } = operands;
    public Feature Feature { get; } = feature;
    public bool IsAlias => Target != Code.Invalid;
    public Code Target { get; } = target;
    /// <summary>Alias print priority: higher prints first; 0 = accepted by the assembler, never printed.</summary>
    public byte PrintPriority { get; } = printPriority;
    public AliasCondition Condition { get; } = condition;
    public string Syntax { get; } = syntax;
    public string Picture { get; } = picture;
    /// <summary>
    /// The word field by field, msb first, covering all 32 bits. An alias has its target's layout with the
    /// fields it assigns shown fixed (Rn=31 of mov).
    /// </summary>
    public EncodingField[] Layout { get; } = layout;

    public bool Matches(uint word)
    {
        if ((word & Mask) != Value) return false;
        for (int i = 0; i < Excludes.Length; i += 2)
            if ((word & Excludes[i]) == Excludes[i + 1]) return false;
        return true;
    }
}
