using System.Text.RegularExpressions;
using A64Asm.Isa;

namespace A64Asm.Verifier.Emulation;

/// <summary>The AdvSIMD extension operations: dot products, int8 matrix multiply, rounding doubling multiply-accumulate, complex numbers, FP16 multiply-add long.</summary>
internal enum ExtensionSimdOp : byte { None, Dot, MatrixMultiply, RoundingDoublingMultiplyAccumulate, ComplexMultiplyAccumulate, ComplexAdd, MultiplyAddLong }

/// <summary>
/// One form: the operation, its element size in bytes (the accumulator's for the integer dot products), whether the
/// vector is 128 bits (false also for a scalar), whether Vm is one element (group or pair) chosen by Imm, whether it
/// subtracts (SQRDMLSH), whether Vn's and Vm's bytes are signed, and whether the form is scalar.
/// </summary>
internal readonly record struct ExtensionSimdForm(ExtensionSimdOp Op, byte ElementBytes, bool Full, bool ByElement,
    bool Subtract = false, bool SignedN = false, bool SignedM = false, bool Scalar = false, bool Upper = false);

/// <summary>The simd_dotprod, simd_i8mm, simd_rdma, simd_compnum and simd_fp16fml forms, read once from their Code names.</summary>
internal static partial class ExtensionSimdForms
{
    private static readonly ExtensionSimdForm[] ByCode = Build();

    public static ExtensionSimdForm Of(Code code) => (int)code < ByCode.Length ? ByCode[(int)code] : default;

    private static int Bytes(string t) => t switch { "B" => 1, "H" => 2, "S" => 4, _ => 8 };

    private static ExtensionSimdForm[] Build()
    {
        var codes = Enum.GetValues<Code>();
        var table = new ExtensionSimdForm[codes.Max(c => (int)c) + 1];
        foreach (var code in codes)
        {
            string name = code.ToString();
            Match m;
            if ((m = DotForm().Match(name)).Success)
            {
                string op = m.Groups["op"].Value;
                table[(int)code] = new(ExtensionSimdOp.Dot, 4, m.Groups["l"].Value == "4", m.Groups["elem"].Success,
                    SignedN: op is "SDOT" or "SUDOT", SignedM: op is "SDOT" or "USDOT");
            }
            else if ((m = MatrixForm().Match(name)).Success)
            {
                string op = m.Groups["op"].Value;
                table[(int)code] = new(ExtensionSimdOp.MatrixMultiply, 4, true, false, SignedN: op == "SMMLA", SignedM: op != "UMMLA");
            }
            else if ((m = RdmaForm().Match(name)).Success)
            {
                int bytes = Bytes(m.Groups["t"].Value);
                bool scalar = !m.Groups["l"].Success;
                table[(int)code] = new(ExtensionSimdOp.RoundingDoublingMultiplyAccumulate, (byte)bytes,
                    !scalar && int.Parse(m.Groups["l"].Value) * bytes == 16, m.Groups["elem"].Success,
                    Subtract: m.Groups["op"].Value == "SQRDMLSH", Scalar: scalar);
            }
            else if ((m = MultiplyAddLongForm().Match(name)).Success)
                table[(int)code] = new(ExtensionSimdOp.MultiplyAddLong, 4, m.Groups["l"].Value == "4", m.Groups["elem"].Success,
                    Subtract: m.Groups["op"].Value == "FMLSL", Upper: m.Groups["upper"].Success);
            else if ((m = ComplexForm().Match(name)).Success)
            {
                int bytes = Bytes(m.Groups["t"].Value);
                table[(int)code] = new(m.Groups["op"].Value == "FCMLA" ? ExtensionSimdOp.ComplexMultiplyAccumulate : ExtensionSimdOp.ComplexAdd,
                    (byte)bytes, int.Parse(m.Groups["l"].Value) * bytes == 16, m.Groups["elem"].Success);
            }
        }
        return table;
    }

    [GeneratedRegex(@"^(?<op>SDOT|UDOT|USDOT|SUDOT)_v(?<l>[24])S(?<elem>_elem)?$")]
    private static partial Regex DotForm();
    [GeneratedRegex(@"^(?<op>SMMLA|UMMLA|USMMLA)$")]
    private static partial Regex MatrixForm();
    [GeneratedRegex(@"^(?<op>SQRDMLAH|SQRDMLSH)_(?:v(?<l>\d)(?<t>[HS])|(?<t>[HS]))(?<elem>_elem)?$")]
    private static partial Regex RdmaForm();
    [GeneratedRegex(@"^(?<op>FMLAL|FMLSL)(?<upper>2)?_v(?<l>[24])S(?<elem>_elem)?$")]
    private static partial Regex MultiplyAddLongForm();
    [GeneratedRegex(@"^(?<op>FCMLA|FCADD)_v(?<l>\d)(?<t>[HSD])(?<elem>_elem)?$")]
    private static partial Regex ComplexForm();
}
