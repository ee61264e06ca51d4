using DataCenterOps.Domain.People;

namespace DataCenterOps.Domain.Access;

/// <summary>Who may do what in the access register (the pages' [Authorize] lists and the services agree).</summary>
public static class AccessRoles
{
    /// <summary>Register entries and exits: the Operator at the desk and the DC personnel.</summary>
    public const string Registrars = $"{Roles.Operator},{Roles.Manager},{Roles.Inspector},{Roles.Supervisor}";

    /// <summary>Correct or void an entry, with a reason.</summary>
    public const string Correctors = $"{Roles.Supervisor},{Roles.Administrator}";

    /// <summary>Read the log and export it for audits.</summary>
    public const string Readers = $"{Registrars},{Roles.Administrator}";

    public static bool CanRegister(Actor actor) => Any(actor, Registrars);

    public static bool CanCorrect(Actor actor) => Any(actor, Correctors);

    public static bool CanRead(Actor actor) => Any(actor, Readers);

    private static bool Any(Actor actor, string roles) =>
        roles.Split(',').Any(actor.IsIn);
}
