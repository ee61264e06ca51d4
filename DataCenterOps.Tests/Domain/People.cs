using DataCenterOps.Domain.People;

namespace DataCenterOps.Tests.Domain;

/// <summary>The people in every test database, by user id.</summary>
internal static class People
{
    public const string Supervisor = "sup";
    public const string OtherSupervisor = "sup2";
    public const string Manager = "mgr";
    public const string OtherManager = "mgr2";
    public const string Inspector1 = "insp1";
    public const string Inspector2 = "insp2";
    public const string UnnamedInspector = "insp3";
    public const string Operator = "op";

    /// <summary>Holds Supervisor and Inspector: may issue and execute, but never approve what they executed.</summary>
    public const string SupervisorInspector = "supinsp";

    public static readonly IReadOnlyList<(string Id, string[] Roles)> All =
    [
        (Supervisor, [Roles.Supervisor]),
        (OtherSupervisor, [Roles.Supervisor]),
        (Manager, [Roles.Manager]),
        (OtherManager, [Roles.Manager]),
        (Inspector1, [Roles.Inspector]),
        (Inspector2, [Roles.Inspector]),
        (UnnamedInspector, [Roles.Inspector]),
        (Operator, [Roles.Operator]),
        (SupervisorInspector, [Roles.Supervisor, Roles.Inspector]),
    ];

    public static Actor Actor(string id) => new(id, All.Single(p => p.Id == id).Roles);
}
