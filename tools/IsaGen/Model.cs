namespace IsaGen;

/// <summary>A named bit range of a form's picture.</summary>
sealed record Field(string Name, int Lsb, int Width)
{
    public uint Mask => Width == 32 ? uint.MaxValue : ((1u << Width) - 1) << Lsb;
}

/// <summary>
/// One token of a picture, msb first: a named field (<c>imm7:7</c>, Fixed null unless an alias assigns it), a named
/// fixed field (<c>opc=10</c>) or a run of unnamed opcode bits (<c>101</c>). Emitted per row for explain.
/// </summary>
sealed record PictureToken(string? Name, int Lsb, int Width, uint? Fixed, List<string> Excluded);

/// <summary>An operand as written in a row: Kind.Param(field, field...) with ? for optional.</summary>
sealed record OperandUse(string Kind, int Param, bool Optional, int Default, List<string> Fields, string Text);

/// <summary>One row after template expansion.</summary>
sealed class Row
{
    public required string Id;
    public required string Mnemonic;
    public required string Class;
    public required string Source; // file:line, for lint messages
    public bool IsAlias;
    public string? Target;
    public uint Mask, Value;
    public List<(uint Mask, uint Value)> Excludes = new();
    public List<Field> Fields = new();
    public List<PictureToken> Layout = new();
    public List<OperandUse> Operands = new();
    public string Feature = "base";
    public int Priority = 1;
    /// <summary>False (asm=no) for a form reached only through its aliases: its name is the Arm ARM's placeholder
    /// (B.cond), which no assembler takes as a mnemonic.</summary>
    public bool Assemblable = true;
    public string Condition = "None";
    public string Picture = "";
    public int Index; // position in the generated row array
    public Dictionary<string, string> Attrs = new();

    public Field? FindField(string name) => Fields.Find(f => f.Name == name);
}

/// <summary>A kind of operands.isa: the fields it binds (-1: any number), how many source operands it reads at most
/// (an immediate with its "lsl #12", a register with its extend, a register pair), what it accepts, and for an
/// address its mode (offset, pre, post).</summary>
sealed record OperandKindDef(string Name, int Arity, int Written, string Description, string? Mode = null);

/// <param name="Features">feat=a+b of the row: every one is needed (system registers).</param>
sealed record SideEntry(string Table, string Name, long Value, string[] Features);

sealed class Table
{
    public List<Row> Rows = new();
    public List<OperandKindDef> Kinds = new();
    public List<SideEntry> Side = new();
    public List<string> Errors = new();
    public string Sha256 = "";
    public List<string> Files = new();
}
