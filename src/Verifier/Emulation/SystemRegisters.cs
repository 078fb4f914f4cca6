namespace A64Asm.Verifier.Emulation;

/// <summary>
/// System registers keyed by their MRS/MSR encoding packed as op0:op1:CRn:CRm:op2 (the 15 bits of the
/// instruction's o0/op1/CRn/CRm/op2 fields with op0 in front). Values start from <see cref="CpuModel"/> and
/// whatever the code writes; registers nobody set read as zero.
/// </summary>
public sealed class SystemRegisters
{
    public static uint Key(int op0, int op1, int crn, int crm, int op2) =>
        (uint)((op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2);

    // The registers relocation code and boot paths touch.
    public static readonly uint CTR_EL0 = Key(3, 3, 0, 0, 1);
    public static readonly uint DCZID_EL0 = Key(3, 3, 0, 0, 7);
    public static readonly uint MIDR_EL1 = Key(3, 0, 0, 0, 0);
    public static readonly uint MPIDR_EL1 = Key(3, 0, 0, 0, 5);
    public static readonly uint ID_AA64PFR0_EL1 = Key(3, 0, 0, 4, 0);
    public static readonly uint ID_AA64MMFR0_EL1 = Key(3, 0, 0, 7, 0);
    public static readonly uint ID_AA64ISAR0_EL1 = Key(3, 0, 0, 6, 0);
    public static readonly uint SCTLR_EL1 = Key(3, 0, 1, 0, 0);
    public static readonly uint SCTLR_EL2 = Key(3, 4, 1, 0, 0);
    public static readonly uint SCTLR_EL3 = Key(3, 6, 1, 0, 0);
    public static readonly uint HCR_EL2 = Key(3, 4, 1, 1, 0);
    public static readonly uint CURRENTEL = Key(3, 0, 4, 2, 2);
    public static readonly uint NZCV = Key(3, 3, 4, 2, 0);
    public static readonly uint DAIF = Key(3, 3, 4, 2, 1);
    public static readonly uint FPCR = Key(3, 3, 4, 4, 0);
    public static readonly uint FPSR = Key(3, 3, 4, 4, 1);
    public static readonly uint SPSEL = Key(3, 0, 4, 2, 0);
    public static readonly uint ELR_EL1 = Key(3, 0, 4, 0, 1);
    public static readonly uint ELR_EL2 = Key(3, 4, 4, 0, 1);
    public static readonly uint ELR_EL3 = Key(3, 6, 4, 0, 1);
    public static readonly uint SPSR_EL1 = Key(3, 0, 4, 0, 0);
    public static readonly uint SPSR_EL2 = Key(3, 4, 4, 0, 0);
    public static readonly uint SPSR_EL3 = Key(3, 6, 4, 0, 0);
    public static readonly uint TPIDR_EL0 = Key(3, 3, 13, 0, 2);
    public static readonly uint TTBR0_EL1 = Key(3, 0, 2, 0, 0);
    public static readonly uint TTBR1_EL1 = Key(3, 0, 2, 0, 1);

    private readonly Dictionary<uint, ulong> _values = new();

    public ulong this[uint key]
    {
        get => _values.TryGetValue(key, out var v) ? v : 0;
        set => _values[key] = value;
    }

    public bool Has(uint key) => _values.ContainsKey(key);

    public static string Name(uint key)
    {
        int op0 = (int)(key >> 14) & 3, op1 = (int)(key >> 11) & 7, crn = (int)(key >> 7) & 15, crm = (int)(key >> 3) & 15, op2 = (int)key & 7;
        return $"s{op0}_{op1}_c{crn}_c{crm}_{op2}";
    }
}

/// <summary>The CPU the code runs on: the ID registers it may read and the state it starts in.</summary>
public sealed class CpuModel
{
    /// <summary>IminLine = DminLine = 4 (64-byte lines), as on Cortex-A53/A57/A72.</summary>
    public ulong Ctr { get; init; } = 0x8444c004;
    public ulong Midr { get; init; } = 0x410fd034;               // Cortex-A53 r0p4
    public ulong Mpidr { get; init; } = 0x80000000;
    public ulong Dczid { get; init; } = 0x4;                     // 64-byte DC ZVA blocks
    public ulong IdAa64Pfr0 { get; init; } = 0x11112222;
    public ulong IdAa64Mmfr0 { get; init; } = 0x1122;
    public ulong IdAa64Isar0 { get; init; } = 0x10000;
    public int ExceptionLevel { get; init; } = 2;
    /// <summary>SCTLR_ELx at entry: RES1 bits with M, C, I as configured.</summary>
    public bool Mmu { get; init; }
    public bool DataCache { get; init; }
    public bool InstructionCache { get; init; }
    /// <summary>SCTLR_ELx.EE at entry: a big-endian kernel's data accesses.</summary>
    public bool BigEndian { get; init; }
    /// <summary>Extra registers by <see cref="SystemRegisters.Key"/>.</summary>
    public IReadOnlyDictionary<uint, ulong> Extra { get; init; } = new Dictionary<uint, ulong>();

    public int DataLineSize => 4 << (int)((Ctr >> 16) & 15);
    public int InstructionLineSize => 4 << (int)(Ctr & 15);
}
