using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataCenterOps.Domain.Persistence.Configurations;

internal sealed class AccessEntryConfiguration : IEntityTypeConfiguration<AccessEntry>
{
    public void Configure(EntityTypeBuilder<AccessEntry> builder)
    {
        builder.ToTable("AccessEntries");
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Basis).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.PersonName).HasMaxLength(200);
        builder.Property(e => e.Organisation).HasMaxLength(200);
        builder.Property(e => e.IdType).HasMaxLength(50);
        builder.Property(e => e.IdNumber).HasMaxLength(50);
        builder.Property(e => e.Visiting).HasMaxLength(200);
        builder.Property(e => e.Purpose).HasMaxLength(500);
        builder.Property(e => e.LetterNumber).HasMaxLength(100);
        builder.Property(e => e.EscortUserId).HasMaxLength(450);
        builder.Property(e => e.EscortName).HasMaxLength(200);
        builder.Property(e => e.InRecordedById).HasMaxLength(450);
        builder.Property(e => e.OutRecordedById).HasMaxLength(450);
        builder.Property(e => e.VoidReason).HasMaxLength(1000);
        builder.Property(e => e.VoidedById).HasMaxLength(450);
        builder.Ignore(e => e.IsInside);
        builder.HasIndex(e => e.InAtUtc);
        builder.HasIndex(e => e.LetterId);
        builder.HasIndex(e => e.Status);
        // Nobody inside twice, even when two desks register at the same moment.
        builder.HasIndex(e => e.UserId).IsUnique().HasFilter("\"Status\" = 'Inside' AND \"UserId\" IS NOT NULL").HasDatabaseName("IX_AccessEntries_UserId_Inside");
        builder.HasIndex(e => new { e.IdType, e.IdNumber }).IsUnique().HasFilter("\"Status\" = 'Inside' AND \"Kind\" = 'Visitor'").HasDatabaseName("IX_AccessEntries_Id_Inside");
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssignmentLetter>().WithMany().HasForeignKey(e => e.LetterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccessGrant>().WithMany().HasForeignKey(e => e.GrantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AccessEntry>().WithMany().HasForeignKey(e => e.EscortEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Equipment).WithOne().HasForeignKey(i => i.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccessEquipmentItemConfiguration : IEntityTypeConfiguration<AccessEquipmentItem>
{
    public void Configure(EntityTypeBuilder<AccessEquipmentItem> builder)
    {
        builder.ToTable("AccessEquipmentItems");
        builder.Property(i => i.Direction).HasConversion<string>().HasMaxLength(8);
        builder.Property(i => i.Description).HasMaxLength(200);
        builder.Property(i => i.SerialNumber).HasMaxLength(100);
    }
}

internal sealed class AccessRefusalConfiguration : IEntityTypeConfiguration<AccessRefusal>
{
    public void Configure(EntityTypeBuilder<AccessRefusal> builder)
    {
        builder.ToTable("AccessRefusals");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.PersonName).HasMaxLength(200);
        builder.Property(r => r.Organisation).HasMaxLength(200);
        builder.Property(r => r.IdType).HasMaxLength(50);
        builder.Property(r => r.IdNumber).HasMaxLength(50);
        builder.Property(r => r.Purpose).HasMaxLength(500);
        builder.Property(r => r.Message).HasMaxLength(1000);
        builder.Property(r => r.RecordedById).HasMaxLength(450);
        builder.HasIndex(r => r.AtUtc);
    }
}

internal sealed class AccessGrantConfiguration : IEntityTypeConfiguration<AccessGrant>
{
    public void Configure(EntityTypeBuilder<AccessGrant> builder)
    {
        builder.ToTable("AccessGrants");
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Property(g => g.UserId).HasMaxLength(450);
        builder.Property(g => g.Reason).HasMaxLength(1000);
        builder.Property(g => g.GrantedById).HasMaxLength(450);
        builder.Property(g => g.RevokedById).HasMaxLength(450);
        builder.Property(g => g.RevocationReason).HasMaxLength(1000);
        builder.HasIndex(g => g.UserId);
        // No foreign key to Sites: on SQLite adding one rebuilds the table, which would drop its no-delete trigger.
        builder.Property(g => g.SiteId).HasDefaultValue(Site.DefaultId);
        builder.HasIndex(g => g.SiteId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccessEntryCorrectionConfiguration : IEntityTypeConfiguration<AccessEntryCorrection>
{
    public void Configure(EntityTypeBuilder<AccessEntryCorrection> builder)
    {
        builder.ToTable("AccessEntryCorrections");
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.ById).HasMaxLength(450);
        builder.HasIndex(c => c.EntryId);
        builder.HasOne<AccessEntry>().WithMany().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccessReviewConfiguration : IEntityTypeConfiguration<AccessReview>
{
    public void Configure(EntityTypeBuilder<AccessReview> builder)
    {
        builder.ToTable("AccessReviews");
        builder.Property(r => r.PerformedById).HasMaxLength(450);
        builder.Property(r => r.Notes).HasMaxLength(4000);
        builder.HasIndex(r => r.PerformedAtUtc);
        builder.Property(r => r.SiteId).HasDefaultValue(Site.DefaultId);
        builder.HasIndex(r => r.SiteId);
        builder.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.ReviewId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccessReviewItemConfiguration : IEntityTypeConfiguration<AccessReviewItem>
{
    public void Configure(EntityTypeBuilder<AccessReviewItem> builder)
    {
        builder.ToTable("AccessReviewItems");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.UserId).HasMaxLength(450);
        builder.Property(i => i.PersonName).HasMaxLength(200);
        builder.Property(i => i.Reference).HasMaxLength(1000);
    }
}

internal sealed class DoorOpeningConfiguration : IEntityTypeConfiguration<DoorOpening>
{
    public void Configure(EntityTypeBuilder<DoorOpening> builder)
    {
        builder.ToTable("DoorOpenings");
        builder.Property(o => o.DeviceId).HasMaxLength(64);
        builder.Property(o => o.SiteId).HasDefaultValue(Site.DefaultId);
        builder.HasIndex(o => o.SiteId);
        builder.HasIndex(o => o.OpenedAtUtc);
        builder.HasIndex(o => o.CheckedAtUtc);
    }
}

internal sealed class RaisedAccessAlarmConfiguration : IEntityTypeConfiguration<RaisedAccessAlarm>
{
    public void Configure(EntityTypeBuilder<RaisedAccessAlarm> builder)
    {
        builder.ToTable("RaisedAccessAlarms");
        // One alarm per door (or room) and key, as the cross-check and the room's alarms hold it.
        builder.HasKey(a => new { a.Source, a.Key });
        builder.Property(a => a.Source).HasMaxLength(80);
        builder.Property(a => a.Key).HasMaxLength(64);
        builder.Property(a => a.RoomSource).HasMaxLength(80);
        builder.Property(a => a.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Message).HasMaxLength(1000);
    }
}
