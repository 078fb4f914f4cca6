using System.Numerics;
using A64Asm.Isa;
using A64Asm.Isa.Decoding;

namespace A64Asm.Verifier.Emulation;

/// <summary>
/// Dispatch, continued: the cryptographic extensions (simd_crypto, simd_crypto_sha3, simd_sm) — AES rounds, SHA-1,
/// SHA-256 and SHA-512 hash and schedule updates, the SHA-3 bitwise helpers, SM3 and SM4, and PMULL. Each reads its
/// sources whole before Vd is written, as the Arm ARM's pseudocode does, so Vd may also be a source.
/// </summary>
public sealed partial class Machine
{
    private void ExecuteCrypto(ref Instruction i)
    {
        switch (i.Code)
        {
            case Code.AESE: Aes(i, false); break;
            case Code.AESD: Aes(i, true); break;
            case Code.AESMC: MixColumns(i, false); break;
            case Code.AESIMC: MixColumns(i, true); break;
            case Code.SHA1C: case Code.SHA1P: case Code.SHA1M: Sha1Hash(i); break;
            case Code.SHA1H: Cpu.SetV(i.Rd, BitOperations.RotateLeft((uint)Cpu.VRegs[2 * i.Rn], 30), 0); break;
            case Code.SHA1SU0: Sha1ScheduleUpdate0(i); break;
            case Code.SHA1SU1: Sha1ScheduleUpdate1(i); break;
            case Code.SHA256H: Sha256Hash(i, true); break;
            case Code.SHA256H2: Sha256Hash(i, false); break;
            case Code.SHA256SU0: Sha256ScheduleUpdate0(i); break;
            case Code.SHA256SU1: Sha256ScheduleUpdate1(i); break;
            case Code.SHA512H: case Code.SHA512H2: case Code.SHA512SU0: case Code.SHA512SU1: Sha512(i); break;
            case Code.EOR3: case Code.BCAX: case Code.RAX1: case Code.XAR: Sha3(i); break;
            case Code.SM3SS1: case Code.SM3TT1A: case Code.SM3TT1B: case Code.SM3TT2A: case Code.SM3TT2B:
            case Code.SM3PARTW1: case Code.SM3PARTW2: Sm3(i); break;
            case Code.SM4E: Sm4(i, Words(i.Rd), Words(i.Rn), true); break;
            case Code.SM4EKEY: Sm4(i, Words(i.Rn), Words(i.Rm), false); break;
            case Code.PMULL_v8H: PolynomialMultiply(i, 1, false); break;
            case Code.PMULL2_v8H: PolynomialMultiply(i, 1, true); break;
            case Code.PMULL_v1Q: PolynomialMultiply(i, 8, false); break;
            case Code.PMULL2_v1Q: PolynomialMultiply(i, 8, true); break;
            default: ExecuteScalarSimd(ref i); break;
        }
    }

    /// <summary>The four 32-bit words of Vn, word 0 the least significant.</summary>
    private uint[] Words(int n)
    {
        ulong lo = Cpu.VRegs[2 * n], hi = Cpu.VRegs[2 * n + 1];
        return [(uint)lo, (uint)(lo >> 32), (uint)hi, (uint)(hi >> 32)];
    }

    private void SetWords(int d, uint[] w) => Cpu.SetV(d, w[0] | (ulong)w[1] << 32, w[2] | (ulong)w[3] << 32);

    private byte[] Bytes(int n)
    {
        var b = new byte[16];
        BitConverter.TryWriteBytes(b.AsSpan(0, 8), Cpu.VRegs[2 * n]);
        BitConverter.TryWriteBytes(b.AsSpan(8, 8), Cpu.VRegs[2 * n + 1]);
        return b;
    }

    private void SetBytes(int d, byte[] b) => Cpu.SetV(d, BitConverter.ToUInt64(b, 0), BitConverter.ToUInt64(b, 8));

    // The state's bytes are column after column; ShiftRows takes byte i from these positions (InvShiftRows: the second row).
    private static readonly byte[] ShiftRows = [0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11];
    private static readonly byte[] InverseShiftRows = [0, 13, 10, 7, 4, 1, 14, 11, 8, 5, 2, 15, 12, 9, 6, 3];

    /// <summary>AESE/AESD: AddRoundKey (Vd xor Vn), then (Inv)ShiftRows and (Inv)SubBytes.</summary>
    private void Aes(in Instruction i, bool decrypt)
    {
        byte[] d = Bytes(i.Rd), n = Bytes(i.Rn), r = new byte[16];
        var sbox = decrypt ? CryptoTables.AesInverseSbox : CryptoTables.AesSbox;
        var shift = decrypt ? InverseShiftRows : ShiftRows;
        for (int k = 0; k < 16; k++) r[k] = sbox[d[shift[k]] ^ n[shift[k]]];
        SetBytes(i.Rd, r);
    }

    /// <summary>AESMC/AESIMC: each column of Vn times the (inverse) MixColumns matrix.</summary>
    private void MixColumns(in Instruction i, bool inverse)
    {
        byte[] n = Bytes(i.Rn), r = new byte[16];
        ReadOnlySpan<byte> row = inverse ? [14, 11, 13, 9] : [2, 3, 1, 1];
        for (int c = 0; c < 16; c += 4)
            for (int k = 0; k < 4; k++)
            {
                int v = 0;
                for (int j = 0; j < 4; j++) v ^= CryptoTables.Multiply(n[c + (k + j) % 4], row[j]);
                r[c + k] = (byte)v;
            }
        SetBytes(i.Rd, r);
    }

    private static uint Choose(uint x, uint y, uint z) => (x & y) | (~x & z);
    private static uint Majority(uint x, uint y, uint z) => (x & y) | (x & z) | (y & z);
    private static uint Parity(uint x, uint y, uint z) => x ^ y ^ z;

    /// <summary>SHA1C/SHA1P/SHA1M: four rounds on abcd (Qd) and e (Sn) with the words of Vm.</summary>
    private void Sha1Hash(in Instruction i)
    {
        uint[] x = Words(i.Rd), w = Words(i.Rm);
        uint y = (uint)Cpu.VRegs[2 * i.Rn];
        for (int e = 0; e < 4; e++)
        {
            uint t = i.Code switch
            {
                Code.SHA1C => Choose(x[1], x[2], x[3]),
                Code.SHA1P => Parity(x[1], x[2], x[3]),
                _ => Majority(x[1], x[2], x[3]),
            };
            y += BitOperations.RotateLeft(x[0], 5) + t + w[e];
            x[1] = BitOperations.RotateLeft(x[1], 30);
            // Y:X rotated left by 32 bits: X's top word becomes Y, Y becomes X's bottom word.
            (y, x[3], x[2], x[1], x[0]) = (x[3], x[2], x[1], x[0], y);
        }
        SetWords(i.Rd, x);
    }

    private void Sha1ScheduleUpdate0(in Instruction i)
    {
        ulong dlo = Cpu.VRegs[2 * i.Rd], dhi = Cpu.VRegs[2 * i.Rd + 1];
        ulong nlo = Cpu.VRegs[2 * i.Rn], mlo = Cpu.VRegs[2 * i.Rm], mhi = Cpu.VRegs[2 * i.Rm + 1];
        Cpu.SetV(i.Rd, dhi ^ dlo ^ mlo, nlo ^ dhi ^ mhi);   // (Vn<63:0>:Vd<127:64>) xor Vd xor Vm
    }

    private void Sha1ScheduleUpdate1(in Instruction i)
    {
        uint[] d = Words(i.Rd), n = Words(i.Rn);
        uint[] t = [d[0] ^ n[1], d[1] ^ n[2], d[2] ^ n[3], d[3]];   // Vd xor (Vn >> 32)
        SetWords(i.Rd, [BitOperations.RotateLeft(t[0], 1), BitOperations.RotateLeft(t[1], 1), BitOperations.RotateLeft(t[2], 1),
            BitOperations.RotateLeft(t[3], 1) ^ BitOperations.RotateLeft(t[0], 2)]);
    }

    private static uint Sigma0(uint x) => BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);
    private static uint Sigma1(uint x) => BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);
    private static uint SmallSigma0(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);
    private static uint SmallSigma1(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);

    /// <summary>SHA256H (X = Qd, Y = Qn, result X) and SHA256H2 (X = Qn, Y = Qd, result Y): four rounds.</summary>
    private void Sha256Hash(in Instruction i, bool part1)
    {
        uint[] x = Words(part1 ? i.Rd : i.Rn), y = Words(part1 ? i.Rn : i.Rd), w = Words(i.Rm);
        for (int e = 0; e < 4; e++)
        {
            uint t1 = y[3] + Sigma1(y[0]) + Choose(y[0], y[1], y[2]) + w[e];
            x[3] += t1;
            y[3] = t1 + Sigma0(x[0]) + Majority(x[0], x[1], x[2]);
            // Y:X rotated left by 32 bits.
            (y[3], y[2], y[1], y[0], x[3], x[2], x[1], x[0]) = (y[2], y[1], y[0], x[3], x[2], x[1], x[0], y[3]);
        }
        SetWords(i.Rd, part1 ? x : y);
    }

    private void Sha256ScheduleUpdate0(in Instruction i)
    {
        uint[] d = Words(i.Rd), n = Words(i.Rn);
        uint[] t = [d[1], d[2], d[3], n[0]];
        SetWords(i.Rd, [SmallSigma0(t[0]) + d[0], SmallSigma0(t[1]) + d[1], SmallSigma0(t[2]) + d[2], SmallSigma0(t[3]) + d[3]]);
    }

    private void Sha256ScheduleUpdate1(in Instruction i)
    {
        uint[] d = Words(i.Rd), n = Words(i.Rn), m = Words(i.Rm), r = new uint[4];
        uint[] t0 = [n[1], n[2], n[3], m[0]];
        r[0] = SmallSigma1(m[2]) + d[0] + t0[0];
        r[1] = SmallSigma1(m[3]) + d[1] + t0[1];
        r[2] = SmallSigma1(r[0]) + d[2] + t0[2];
        r[3] = SmallSigma1(r[1]) + d[3] + t0[3];
        SetWords(i.Rd, r);
    }

    private static ulong Sigma0(ulong x) => BitOperations.RotateRight(x, 28) ^ BitOperations.RotateRight(x, 34) ^ BitOperations.RotateRight(x, 39);
    private static ulong Sigma1(ulong x) => BitOperations.RotateRight(x, 14) ^ BitOperations.RotateRight(x, 18) ^ BitOperations.RotateRight(x, 41);
    private static ulong SmallSigma0(ulong x) => BitOperations.RotateRight(x, 1) ^ BitOperations.RotateRight(x, 8) ^ (x >> 7);
    private static ulong SmallSigma1(ulong x) => BitOperations.RotateRight(x, 19) ^ BitOperations.RotateRight(x, 61) ^ (x >> 6);

    /// <summary>SHA512H, SHA512H2, SHA512SU0, SHA512SU1 (W = Vd, X = Vn, Y = Vm).</summary>
    private void Sha512(in Instruction i)
    {
        ulong wlo = Cpu.VRegs[2 * i.Rd], whi = Cpu.VRegs[2 * i.Rd + 1];
        ulong xlo = Cpu.VRegs[2 * i.Rn], xhi = Cpu.VRegs[2 * i.Rn + 1];
        ulong ylo = Cpu.VRegs[2 * i.Rm], yhi = Cpu.VRegs[2 * i.Rm + 1];
        ulong lo, hi;
        switch (i.Code)
        {
            case Code.SHA512H:
            {
                hi = ((yhi & xlo) ^ (~yhi & xhi)) + Sigma1(yhi) + whi;
                ulong t = hi + ylo;
                lo = ((t & yhi) ^ (~t & xlo)) + Sigma1(t) + wlo;
                break;
            }
            case Code.SHA512H2:
                hi = ((xlo & yhi) ^ (xlo & ylo) ^ (yhi & ylo)) + Sigma0(ylo) + whi;
                lo = ((hi & ylo) ^ (hi & yhi) ^ (yhi & ylo)) + Sigma0(hi) + wlo;
                break;
            case Code.SHA512SU0:
                lo = wlo + SmallSigma0(whi);
                hi = whi + SmallSigma0(xlo);
                break;
            default:   // SHA512SU1
                hi = whi + SmallSigma1(xhi) + yhi;
                lo = wlo + SmallSigma1(xlo) + ylo;
                break;
        }
        Cpu.SetV(i.Rd, lo, hi);
    }

    /// <summary>EOR3 (n ^ m ^ a), BCAX (n ^ (m &amp; ~a)), RAX1 (n ^ rol(m, 1)), XAR (ror(n ^ m, imm6)), per 64 bits.</summary>
    private void Sha3(in Instruction i)
    {
        ulong lo = Sha3Lane(i.Code, i.Rn, i.Rm, i.Ra, (int)i.Imm, 0), hi = Sha3Lane(i.Code, i.Rn, i.Rm, i.Ra, (int)i.Imm, 1);
        Cpu.SetV(i.Rd, lo, hi);
    }

    private ulong Sha3Lane(Code code, int rn, int rm, int ra, int rotation, int k)
    {
        ulong n = Cpu.VRegs[2 * rn + k], m = Cpu.VRegs[2 * rm + k], a = Cpu.VRegs[2 * ra + k];
        return code switch
        {
            Code.EOR3 => n ^ m ^ a,
            Code.BCAX => n ^ (m & ~a),
            Code.RAX1 => n ^ BitOperations.RotateLeft(m, 1),
            _ => BitOperations.RotateRight(n ^ m, rotation),
        };
    }

    private static uint Rol(uint x, int n) => BitOperations.RotateLeft(x, n);

    /// <summary>SM3SS1, SM3TT1A/B, SM3TT2A/B (index in Imm), SM3PARTW1/2, on the words of Vd, Vn, Vm (and Va).</summary>
    private void Sm3(in Instruction i)
    {
        uint[] d = Words(i.Rd), n = Words(i.Rn), m = Words(i.Rm), r = new uint[4];
        switch (i.Code)
        {
            case Code.SM3SS1:
                r[3] = Rol(Rol(n[3], 12) + m[3] + Words(i.Ra)[3], 7);
                break;
            case Code.SM3TT1A: case Code.SM3TT1B:
            {
                uint ss2 = n[3] ^ Rol(d[3], 12);
                uint tt1 = i.Code == Code.SM3TT1A ? Parity(d[3], d[2], d[1]) : Majority(d[3], d[2], d[1]);
                tt1 += d[0] + ss2 + m[(int)i.Imm];
                r = [d[1], Rol(d[2], 9), d[3], tt1];
                break;
            }
            case Code.SM3TT2A: case Code.SM3TT2B:
            {
                uint tt2 = i.Code == Code.SM3TT2A ? Parity(d[3], d[2], d[1]) : Choose(d[3], d[2], d[1]);
                tt2 += d[0] + n[3] + m[(int)i.Imm];
                r = [d[1], Rol(d[2], 19), d[3], tt2 ^ Rol(tt2, 9) ^ Rol(tt2, 17)];
                break;
            }
            case Code.SM3PARTW1:
                for (int k = 0; k < 4; k++)
                {
                    uint t = d[k] ^ n[k] ^ (k < 3 ? Rol(m[k + 1], 15) : Rol(r[0], 15));
                    r[k] = t ^ Rol(t, 15) ^ Rol(t, 23);
                }
                break;
            default:   // SM3PARTW2
            {
                uint t0 = n[0] ^ Rol(m[0], 7);
                for (int k = 0; k < 4; k++) r[k] = d[k] ^ n[k] ^ Rol(m[k], 7);
                uint t2 = Rol(t0, 15);
                r[3] ^= t2 ^ Rol(t2, 15) ^ Rol(t2, 23);
                break;
            }
        }
        SetWords(i.Rd, r);
    }

    /// <summary>SM4E (four rounds of Vd's state with the round keys of Vn) and SM4EKEY (four round keys from Vn with the constants of Vm).</summary>
    private void Sm4(in Instruction i, uint[] x, uint[] k, bool encrypt)
    {
        for (int e = 0; e < 4; e++)
        {
            uint t = x[(e + 1) % 4] ^ x[(e + 2) % 4] ^ x[(e + 3) % 4] ^ k[e];
            var s = CryptoTables.Sm4Sbox;
            t = s[t & 0xFF] | (uint)s[(t >> 8) & 0xFF] << 8 | (uint)s[(t >> 16) & 0xFF] << 16 | (uint)s[t >> 24] << 24;
            x[e] ^= encrypt ? t ^ Rol(t, 2) ^ Rol(t, 10) ^ Rol(t, 18) ^ Rol(t, 24) : t ^ Rol(t, 13) ^ Rol(t, 23);
        }
        SetWords(i.Rd, x);
    }

    /// <summary>PMULL/PMULL2: carry-less products of the lower (or upper) half's 8- or 64-bit elements, twice as wide.</summary>
    private void PolynomialMultiply(in Instruction i, int esize, bool upper)
    {
        int lanes = 8 / esize;
        ulong lo = 0, hi = 0;
        for (int e = 0; e < lanes; e++)
        {
            ulong n = Cpu.VElement(i.Rn, esize, upper ? e + lanes : e), m = Cpu.VElement(i.Rm, esize, upper ? e + lanes : e);
            UInt128 p = 0;
            for (int b = 0; b < 8 * esize; b++)
                if ((m >> b & 1) != 0) p ^= (UInt128)n << b;
            if (esize == 8) { lo = (ulong)p; hi = (ulong)(p >> 64); }
            else PutElement(ref lo, ref hi, 2, e, (ulong)p);
        }
        Cpu.SetV(i.Rd, lo, hi);
    }
}
