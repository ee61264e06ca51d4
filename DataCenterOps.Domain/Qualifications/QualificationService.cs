using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Qualifications;

/// <summary>
/// Records a person's training and certificates. The Pengelola or the Administrator records them, never the person
/// for himself: a certificate is evidence the letter relies on, so someone else checks the original (audited).
/// </summary>
public sealed class QualificationService(
    DataCenterOpsDbContext db, TimeProvider time, AuditLog audit, IOptions<QualificationOptions> options, IOptions<StorageOptions> storage)
{
    public async Task<Qualification> RecordAsync(Actor actor, NewQualification input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        QualificationGuard.MayRecord(actor, input.UserId);
        var person = SopGuard.Found(await db.Users.FindAsync([input.UserId], cancellationToken), "The person");
        if (input.ValidUntil is { } until && until < input.ValidFrom)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, "The validity period must end after it starts.", "ValidityOrder");
        }

        var record = new Qualification
        {
            UserId = person.Id,
            Kind = SopGuard.Text(input.Kind, QualificationLimits.Kind, "Kind"),
            Issuer = SopGuard.Text(input.Issuer, QualificationLimits.Issuer, "Issuer"),
            Number = SopGuard.Text(input.Number, QualificationLimits.Number, "Number"),
            ValidFrom = input.ValidFrom,
            ValidUntil = input.ValidUntil,
            RecordedById = actor.UserId,
            RecordedAtUtc = time.GetUtcNow().UtcDateTime,
        };
        if (input.File is { Length: > 0 } file)
        {
            (record.FileSha256, record.FileContentType) = await QualificationFiles.StoreAsync(storage.Value, file, options.Value.MaxFileBytes, cancellationToken);
        }

        db.Set<Qualification>().Add(record);
        audit.Write(actor, "QualificationRecorded", nameof(Qualification), record.Id.ToString(), null, new
        {
            record.UserId, record.Kind, record.Issuer, record.Number, record.ValidFrom, record.ValidUntil, record.FileSha256,
        });
        await SopGuard.SaveAsync(db, cancellationToken);
        return record;
    }

    /// <summary>The stored scan of a record, or null when it has none (or the file is gone).</summary>
    public async Task<(byte[] Content, string ContentType)?> FileAsync(Guid qualificationId, CancellationToken cancellationToken = default)
    {
        var record = await db.Set<Qualification>().FindAsync([qualificationId], cancellationToken);
        if (record?.FileSha256 is null || record.FileContentType is null)
        {
            return null;
        }

        var path = QualificationFiles.PathOf(storage.Value, record.FileSha256, record.FileContentType);
        return File.Exists(path) ? (await File.ReadAllBytesAsync(path, cancellationToken), record.FileContentType) : null;
    }
}
