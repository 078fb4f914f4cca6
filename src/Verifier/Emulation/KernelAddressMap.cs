namespace A64Asm.Verifier.Emulation;

/// <summary>
/// What the MMU shows code that v5.15+ machine_kexec enters with the MMU on: TTBR0 holds an identity map of the
/// control page only, TTBR1 the kernel's linear map (PA = VA + <see cref="PhysOffset"/>) while it names one of
/// <see cref="LinearTables"/> (the kernel's own tables at entry, the copy kexec made); any other TTBR1 value (the
/// zero page of a break-before-make switch) maps nothing. Tables are not walked: the map is this rule. With the
/// MMU off addresses are physical, as without a map.
/// </summary>
public sealed class KernelAddressMap
{
    /// <summary>PA − VA of the linear map, as kimage->arch.phys_offset holds it.</summary>
    public required ulong PhysOffset { get; init; }

    /// <summary>TTBR1_EL1 base addresses under which the linear map is in place.</summary>
    public required IReadOnlySet<ulong> LinearTables { get; init; }

    /// <summary>Whether a lower-half address is in the identity map (the control page).</summary>
    public required Func<ulong, bool> IdentityMapped { get; init; }

    // TTBR_ELx: ASID in 63:48, CnP in bit 0; the table address in between.
    private const ulong TableBits = 0x0000_FFFF_FFFF_FFFE;

    /// <summary>The physical address of <paramref name="va"/>, or null with the reason it is not mapped.</summary>
    public ulong? Translate(ulong va, ulong ttbr1, out string why)
    {
        why = "";
        if (va >> 48 == 0xFFFF)
        {
            if (LinearTables.Contains(ttbr1 & TableBits)) return va + PhysOffset;
            why = $"TTBR1_EL1 is 0x{ttbr1:x}, which maps no linear map";
            return null;
        }
        if (va >> 48 == 0 && IdentityMapped(va)) return va;
        why = va >> 48 == 0 ? "with the MMU on only the control page is identity-mapped (TTBR0)" : "the address is in neither translation range";
        return null;
    }
}
