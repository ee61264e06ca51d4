using System.Globalization;
using DataCenterOps.Domain.Facilities;

namespace DataCenterOps.Web.Features.Steps.Documents;

/// <summary>
/// The fixed wording of a Surat Tugas. An official letter of the Dinas is always in Bahasa Indonesia, whatever
/// language the screen is in.
/// </summary>
public static class LetterTerms
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public const string SignatoryPosition = "Pengawas Infrastruktur TIK";
    public const string ManagerPosition = "Pengelola TIK";
    public const string InspectorPosition = "Pemeriksa TIK";

    public static readonly IReadOnlyList<string> LegalBasis =
    [
        "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik;",
        "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
        "Peraturan Pemerintah Nomor 82 Tahun 2012 tentang Penyelenggaraan Sistem dan Transaksi Elektronik;",
        "Standar Operasional Prosedur Pemeliharaan dan Akses Data Center Nomor 065.2/519/Diskominfo tanggal 3 Agustus 2018;",
    ];

    public static string Date(DateTime local) => local.ToString("d MMMM yyyy", Indonesian);

    public static string Kind(EquipmentKind kind) => kind switch
    {
        EquipmentKind.Ups => "seluruh UPS",
        EquipmentKind.Genset => "seluruh genset",
        EquipmentKind.Cooling => "seluruh pendingin ruangan (CRAC)",
        EquipmentKind.FireSuppression => "sistem pemadam kebakaran",
        EquipmentKind.Environment => "sensor suhu dan kelembapan ruang",
        EquipmentKind.Electrical => "panel listrik dan PDU",
        EquipmentKind.ServerRack => "rak server",
        _ => "perangkat pendukung lainnya",
    };

    /// <summary>The numbered "Untuk" duties of the letter.</summary>
    public static IReadOnlyList<string> Duties(LetterDocument letter) =>
    [
        $"Melaksanakan pemeliharaan dan pemeriksaan perangkat Data Center, yaitu {string.Join(", ", letter.Scope)};",
        "Membatasi akses ke ruang Data Center bagi pihak yang tidak berkepentingan;",
        $"Tugas ini berlaku sejak tanggal {Date(letter.ValidFrom)} sampai dengan tanggal {Date(letter.ValidUntil)};",
        "Melaporkan hasil pelaksanaan tugas kepada Pengawas Infrastruktur TIK;",
        "Melaksanakan tugas ini dengan penuh tanggung jawab.",
    ];

    /// <summary>Page numbers of a letter: "Halaman 1 dari 2".</summary>
    public const string PageOf = "Halaman {0} dari {1}";

    public const string VerifyIntro = "Keaslian dan keberlakuan surat ini dapat diperiksa dengan memindai kode QR ini atau membuka:";

    public const string Fingerprint = "Sidik dokumen (SHA-256):";

    public const string Closing = "Demikian Surat Tugas ini dibuat untuk dilaksanakan sebagaimana mestinya.";
}
