using DataCenterOps.Domain.People;

namespace DataCenterOps.Domain.Seeding;

/// <summary>Demo people, one per role (two Pemeriksa). Documented in README; a real site turns demo data off.</summary>
public static class DemoUsers
{
    public const string Password = "Demo!2345";

    public static readonly IReadOnlyList<(string Email, string FullName, string Role)> All =
    [
        ("supervisor@dcops.local", "Pengawas Demo", Roles.Supervisor),
        ("pengelola@dcops.local", "Pengelola Demo", Roles.Manager),
        ("pemeriksa1@dcops.local", "Pemeriksa Satu", Roles.Inspector),
        ("pemeriksa2@dcops.local", "Pemeriksa Dua", Roles.Inspector),
        ("operator@dcops.local", "Operator Demo", Roles.Operator),
    ];
}
