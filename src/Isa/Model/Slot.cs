namespace A64Asm.Isa.Model;

/// <summary>The register fields of <see cref="Decoding.Instruction"/>; table fields with these names land there.</summary>
public enum Slot : byte { None, Rd, Rn, Rm, Ra, Rt, Rt2, Rs }
