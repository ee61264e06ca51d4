using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Sites;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Tenants;

/// <summary>The co-location tenants' records: agencies, contacts, accounts and ownership of equipment; Administrator or Pengelola, audited.</summary>
public sealed class TenantService(DataCenterOpsDbContext db, TimeProvider time, AuditLog audit)
{
    public async Task<Tenant> AddAsync(Actor actor, NewTenant input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        TenantGuard.Administers(actor);
        var siteId = input.SiteId ?? Site.DefaultId;
        SopGuard.Site(actor, siteId);
        var code = SopGuard.Text(input.Code, 32, "Code").ToUpperInvariant();
        if (await db.Tenants.AnyAsync(t => t.Code == code, cancellationToken))
        {
            throw new SopRuleViolationException(SopError.InvalidInput, $"A tenant with the code {code} exists already.", "TenantCodeTaken", code);
        }

        var tenant = new Tenant { Code = code, Name = SopGuard.Text(input.Name, 200, "Name"), SiteId = siteId, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        db.Tenants.Add(tenant);
        audit.Write(actor, "TenantAdded", nameof(Tenant), tenant.Id.ToString(), null, new { tenant.Code, tenant.Name, tenant.SiteId });
        await SopGuard.SaveAsync(db, cancellationToken);
        return tenant;
    }

    public async Task<TenantContact> AddContactAsync(Actor actor, NewTenantContact input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        TenantGuard.Administers(actor);
        SopGuard.Found(await db.Tenants.FirstOrDefaultAsync(t => t.Id == input.TenantId, cancellationToken), "The tenant");
        var contact = new TenantContact
        {
            TenantId = input.TenantId,
            Name = SopGuard.Text(input.Name, 200, "Name"),
            Phone = Optional(input.Phone, 50, "Phone"),
            Email = Optional(input.Email, 200, "E-mail"),
            Position = Optional(input.Position, 200, "Position"),
        };
        db.Add(contact);
        audit.Write(actor, "TenantContactAdded", nameof(Tenant), input.TenantId.ToString(), null, new { contact.Name, contact.Phone, contact.Email, contact.Position });
        await SopGuard.SaveAsync(db, cancellationToken);
        return contact;
    }

    /// <summary>Gives equipment (a rack, a server) to a tenant, or back to the data center (<paramref name="tenantId"/> null).</summary>
    public async Task SetOwnerAsync(Actor actor, Guid equipmentId, Guid? tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        TenantGuard.Administers(actor);
        var equipment = SopGuard.Found(await db.Equipment.FirstOrDefaultAsync(e => e.Id == equipmentId, cancellationToken), "The equipment");
        if (tenantId is { } id)
        {
            var tenant = SopGuard.Found(await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken), "The tenant");
            SopGuard.Person(tenant.SiteId == equipment.SiteId, SopError.OtherSite, "TenantOtherSite", "The equipment stands at another site than the tenant's.");
        }

        var before = equipment.TenantId;
        equipment.TenantId = tenantId;
        audit.Write(actor, "EquipmentOwnerChanged", nameof(Equipment), equipment.Id.ToString(), new { TenantId = before }, new { TenantId = tenantId });
        await SopGuard.SaveAsync(db, cancellationToken);
    }

    /// <summary>Binds an account to a tenant (and gives it the Tenant role), or unbinds it (<paramref name="tenantId"/> null). Staff accounts are refused.</summary>
    public async Task BindUserAsync(Actor actor, string userId, Guid? tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        TenantGuard.Administers(actor);
        var user = SopGuard.Found(await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken), "The user");
        var roles = await Actors.RolesOfAsync(db, user.Id, cancellationToken);
        SopGuard.Person(!roles.Any(Roles.Staff.Contains), SopError.InvalidInput, "TenantUserIsStaff",
            "A staff account cannot be a tenant's account: make a separate one.");
        var link = await db.TenantUsers.FirstOrDefaultAsync(t => t.UserId == user.Id, cancellationToken);
        var before = link?.TenantId;
        if (link is not null)
        {
            db.TenantUsers.Remove(link);
        }

        if (tenantId is { } id)
        {
            SopGuard.Found(await db.Tenants.FirstOrDefaultAsync(t => t.Id == id, cancellationToken), "The tenant");
            db.TenantUsers.Add(new TenantUser { UserId = user.Id, TenantId = id });
            var role = await db.Roles.FirstAsync(r => r.Name == Roles.Tenant, cancellationToken);
            if (!roles.Contains(Roles.Tenant))
            {
                db.UserRoles.Add(new() { UserId = user.Id, RoleId = role.Id });
            }
        }

        audit.Write(actor, "TenantUserBound", nameof(AppUser), user.Id, new { TenantId = before }, new { TenantId = tenantId });
        await SopGuard.SaveAsync(db, cancellationToken);
    }

    private static string? Optional(string? value, int maxLength, string field)
    {
        var text = SopGuard.Text(value, maxLength, field, required: false);
        return text.Length == 0 ? null : text;
    }
}
