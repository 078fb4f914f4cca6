using A64Asm.Isa.Decoding;

namespace A64Asm.Isa.Tests.Support;

/// <summary>
/// Words objdump prints as an instruction whose text GNU as 2.40 then refuses, so no assembler gives them back:
/// the LS64 transfers with a first register that is odd or above x22 ("invalid Rt register number in 64-byte
/// load/store"). Our decoder prints them as objdump does and our encoder refuses them as GNU as does; the
/// round-trip tests leave them out.
/// </summary>
public static class GasRefusedWords
{
    public static bool Contains(in Instruction ins) =>
        ins.Code is Code.LD64B or Code.ST64B or Code.ST64BV or Code.ST64BV0 && (ins.Rt % 2 != 0 || ins.Rt > 22);
}
