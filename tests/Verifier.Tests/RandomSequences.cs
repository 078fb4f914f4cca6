using A64Asm.Isa;
using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Tests;

/// <summary>
/// Random user-mode instruction words for the differential test, drawn class by class from the encodings
/// (fields random within what the architecture defines, and without UNPREDICTABLE register overlaps).
/// x28 is the base of a scratch buffer and is never written, so memory operands stay inside it.
/// </summary>
internal sealed class RandomSequences(int seed)
{
    public const int Base = 28;
    private readonly Random _rng = new(seed);

    private uint R(bool allow31 = true)
    {
        while (true)
        {
            uint r = (uint)_rng.Next(allow31 ? 32 : 31);
            if (r != Base) return r;
        }
    }

    private uint Src() => (uint)_rng.Next(32);
    private uint Bit(int n = 1) => (uint)_rng.Next(1 << n);
    private uint Simm(int lo, int hi, int bits) => (uint)_rng.Next(lo, hi + 1) & ((1u << bits) - 1);

    public ulong Value() => _rng.Next(6) switch
    {
        0 => 0,
        1 => ulong.MaxValue,
        2 => 0x8000_0000_0000_0000UL >> (_rng.Next(2) * 32),
        3 => (ulong)_rng.Next(256),
        4 => 0x7FFF_FFFF_FFFF_FFFFUL >> (_rng.Next(2) * 32),
        _ => (ulong)_rng.NextInt64() ^ ((ulong)_rng.Next() << 63),
    };

    public uint Nzcv() => (uint)_rng.Next(16) << 28;

    /// <summary>One instruction the decoder knows; branches skip exactly the next instruction.</summary>
    public uint Next()
    {
        while (true)
        {
            uint w = Candidate();
            if (A64Decoder.Decode(w).Code != Code.Invalid) return w;
        }
    }

    private uint Candidate()
    {
        uint sf = Bit();
        switch (_rng.Next(24))
        {
            case 0: // add/sub immediate; Rn is SP when 31, so never 31; Rd is SP unless S
            {
                uint s = Bit();
                return sf << 31 | Bit() << 30 | s << 29 | 0b100010u << 23 | Bit() << 22 | Bit(12) << 10 | R(false) << 5 | R(s == 1);
            }
            case 1: // logical immediate (reserved patterns are filtered by the decoder)
            {
                uint opc = Bit(2);
                return sf << 31 | opc << 29 | 0b100100u << 23 | (sf == 1 ? Bit() : 0) << 22 | Bit(6) << 16 | Bit(6) << 10 | Src() << 5 | R(opc == 3);
            }
            case 2: // move wide
            {
                uint[] opcs = [0, 2, 3];
                return sf << 31 | opcs[_rng.Next(3)] << 29 | 0b100101u << 23 | (sf == 1 ? Bit(2) : Bit()) << 21 | Bit(16) << 5 | R();
            }
            case 3: // bitfield
            {
                uint lim = sf == 1 ? 64u : 32u;
                return sf << 31 | (uint)_rng.Next(3) << 29 | 0b100110u << 23 | sf << 22 | (uint)_rng.Next((int)lim) << 16 | (uint)_rng.Next((int)lim) << 10 | Src() << 5 | R();
            }
            case 4: // extract
                return sf << 31 | 0b00100111u << 23 | sf << 22 | Src() << 16 | (uint)_rng.Next(sf == 1 ? 64 : 32) << 10 | Src() << 5 | R();
            case 5: case 6: // add/sub shifted register
                return sf << 31 | Bit() << 30 | Bit() << 29 | 0b01011u << 24 | (uint)_rng.Next(3) << 22 | Src() << 16 | (uint)_rng.Next(sf == 1 ? 64 : 32) << 10 | Src() << 5 | R();
            case 7: // add/sub extended register; Rn (and Rd without S) is SP when 31
            {
                uint s = Bit();
                return sf << 31 | Bit() << 30 | s << 29 | 0b01011001u << 21 | Src() << 16 | Bit(3) << 13 | (uint)_rng.Next(5) << 10 | R(false) << 5 | R(s == 1);
            }
            case 8: case 9: // logical shifted register
                return sf << 31 | Bit(2) << 29 | 0b01010u << 24 | Bit(2) << 22 | Bit() << 21 | Src() << 16 | (uint)_rng.Next(sf == 1 ? 64 : 32) << 10 | Src() << 5 | R();
            case 10: // divide and variable shifts
            {
                uint[] ops = [0b000010, 0b000011, 0b001000, 0b001001, 0b001010, 0b001011];
                return sf << 31 | 0b0011010110u << 21 | Src() << 16 | ops[_rng.Next(ops.Length)] << 10 | Src() << 5 | R();
            }
            case 11: // adr, adrp
                return Bit() << 31 | Bit(2) << 29 | 0b10000u << 24 | Bit(19) << 5 | R();
            case 12: // b.cond, cbz/cbnz, tbz/tbnz over the next instruction
                return _rng.Next(3) switch
                {
                    0 => 0x5400_0040u | (uint)_rng.Next(15),
                    1 => sf << 31 | 0x3400_0000u | Bit() << 24 | 2u << 5 | Src(),
                    _ => Bit() << 31 | 0x3600_0000u | Bit() << 24 | Bit(5) << 19 | 2u << 5 | Src(),
                };
            case 13: // mrs/msr nzcv
                return Bit() == 1 ? 0xD53B_4200u | R() : 0xD51B_4200u | Src();
            case 14: // ldr/str unsigned offset
            {
                uint size = Bit(2), opc = LoadStoreOpc(size);
                return size << 30 | 0x3900_0000u | opc << 22 | (uint)_rng.Next(256 >> (int)size) << 10 | Base << 5 | (opc == 0 ? Src() : R());
            }
            case 15: // ldur/stur
            {
                uint size = Bit(2), opc = LoadStoreOpc(size);
                return size << 30 | 0x3800_0000u | opc << 22 | Simm(-256, 255, 9) << 12 | Base << 5 | (opc == 0 ? Src() : R());
            }
            case 16: // pre/post index (writes x28 back; never x28 as data)
            {
                uint size = Bit(2), opc = LoadStoreOpc(size);
                return size << 30 | 0x3800_0000u | opc << 22 | Simm(-16, 16, 9) << 12 | (Bit() == 1 ? 3u : 1u) << 10 | Base << 5 | R();
            }
            case 17: case 18: // ldp/stp/ldnp/stnp/ldpsw, offset and pre/post index
            {
                uint l = Bit(), opc = l == 1 ? (uint)_rng.Next(3) : (uint)_rng.Next(2) * 2;   // 00 w, 01 ldpsw, 10 x
                uint kind = (uint)_rng.Next(4);                                                  // 000 np, 001 post, 010 off, 011 pre
                if (kind == 0 && opc == 1) kind = 2;
                int range = kind is 1 or 3 ? 2 : 16;
                bool safe = l == 1 || kind is 1 or 3;   // loads and writeback stores must not name x28
                uint rt = safe ? R() : Src(), rt2 = safe ? R() : Src();
                while (l == 1 && rt2 == rt) rt2 = R();
                return opc << 30 | 0b101u << 27 | kind << 23 | l << 22 | Simm(-range, range - 1, 7) << 15 | rt2 << 10 | Base << 5 | rt;
            }
            case 20: // adc/adcs/sbc/sbcs
                return sf << 31 | Bit() << 30 | Bit() << 29 | 0xD0u << 21 | Src() << 16 | Src() << 5 | R();
            case 21: // madd/msub, the long and high multiplies
                return _rng.Next(3) switch
                {
                    0 => sf << 31 | 0x1Bu << 24 | Src() << 16 | Bit() << 15 | Src() << 10 | Src() << 5 | R(),
                    1 => 0x9B20_0000u | Bit() << 23 | Src() << 16 | Bit() << 15 | Src() << 10 | Src() << 5 | R(),
                    _ => 0x9B40_7C00u | Bit() << 23 | Src() << 16 | Src() << 5 | R(),
                };
            case 22: // rbit, rev16, rev/rev32, rev, clz, cls
                return sf << 31 | 0x5AC0_0000u | (uint)_rng.Next(6) << 10 | Src() << 5 | R();
            case 23: // csel family, ccmp/ccmn register and immediate
                return Bit() == 1
                    ? sf << 31 | Bit() << 30 | 0xD4u << 21 | Src() << 16 | Bit(4) << 12 | Bit() << 10 | Src() << 5 | R()
                    : sf << 31 | Bit() << 30 | 1u << 29 | 0xD2u << 21 | Src() << 16 | Bit(4) << 12 | Bit() << 11 | Src() << 5 | Bit(4);
            default: // more of the flag-setting arithmetic the copy loops lean on
                return sf << 31 | 0b11u << 29 | 0b01011u << 24 | (uint)_rng.Next(3) << 22 | Src() << 16 | (uint)_rng.Next(sf == 1 ? 64 : 32) << 10 | Src() << 5 | R();
        }
    }

    /// <summary>00 store, 01 load, 10 load signed to 64, 11 load signed to 32 (where the size allows).</summary>
    private uint LoadStoreOpc(uint size) => size switch
    {
        3 => Bit(),
        2 => (uint)_rng.Next(3),
        _ => Bit(2),
    };
}
