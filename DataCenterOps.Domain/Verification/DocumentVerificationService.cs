using System.Security.Cryptography;
using DataCenterOps.Domain.Archive;
using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Verification;

/// <summary>
/// The QR verification of printed documents: a random code per document (made the first time it is printed, then
/// always the same), and the answer to "is this document genuine and still valid?" for anyone holding the paper.
/// </summary>
public sealed class DocumentVerificationService(DataCenterOpsDbContext db, ArchiveService archive, TimeProvider time, Photos.PhotoStore photos)
{
    /// <summary>Characters of a code: 16 random bytes in base64url.</summary>
    public const int CodeLength = 22;

    /// <summary>The stamp for an issued or revoked letter; null for a draft (not a document yet) or an unknown letter.</summary>
    public async Task<DocumentStamp?> LetterStampAsync(Guid letterId, CancellationToken cancellationToken = default)
    {
        var letter = await LetterAsync(letterId, cancellationToken);
        if (letter is null || letter.State == SopState.LetterDraft)
        {
            return null;
        }

        var code = await GetOrCreateAsync(c => c.LetterId == letterId, () => new DocumentCode
        {
            Kind = DocumentKind.AssignmentLetter, LetterId = letterId, Fingerprint = LetterFingerprint.Of(letter),
        }, cancellationToken);
        return new DocumentStamp(code.Code, code.Fingerprint);
    }

    /// <summary>The stamp for an archived report (its fingerprint is the archive record's hash); null when unknown.</summary>
    public async Task<DocumentStamp?> ArchiveStampAsync(long archiveId, CancellationToken cancellationToken = default)
    {
        var record = await db.ArchivedReports.AsNoTracking().FirstOrDefaultAsync(a => a.Id == archiveId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var code = await GetOrCreateAsync(c => c.ArchiveId == archiveId, () => new DocumentCode
        {
            Kind = DocumentKind.ArchivedReport, ArchiveId = archiveId, Fingerprint = record.Hash,
        }, cancellationToken);
        return new DocumentStamp(code.Code, code.Fingerprint);
    }

    /// <summary>The document a code names, as it stands now; null for a code nobody issued (or one that is malformed).</summary>
    public async Task<VerifiedDocument?> VerifyAsync(string? code, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormed(code))
        {
            return null;
        }

        var stamp = await db.Set<DocumentCode>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        return stamp?.Kind switch
        {
            DocumentKind.AssignmentLetter when stamp.LetterId is { } id => await VerifyLetterAsync(stamp, id, cancellationToken),
            DocumentKind.ArchivedReport when stamp.ArchiveId is { } id => await VerifyArchiveAsync(stamp, id, cancellationToken),
            _ => null,
        };
    }

    public static bool IsWellFormed(string? code) =>
        code is { Length: CodeLength } && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private async Task<VerifiedDocument?> VerifyLetterAsync(DocumentCode stamp, Guid letterId, CancellationToken cancellationToken)
    {
        if (await LetterAsync(letterId, cancellationToken) is not { } letter)
        {
            return null;
        }

        var ids = letter.Inspectors.Select(i => i.UserId).Append(letter.SupervisorId).Append(letter.ManagerId).ToList();
        var names = await NamesAsync(ids, cancellationToken);
        List<VerifiedPerson> people =
        [
            new(Name(names, letter.SupervisorId), Roles.Supervisor),
            new(Name(names, letter.ManagerId), Roles.Manager),
            .. letter.Inspectors.Select(i => new VerifiedPerson(Name(names, i.UserId), Roles.Inspector)).OrderBy(p => p.Name, StringComparer.Ordinal),
        ];
        var now = time.GetUtcNow().UtcDateTime;
        var status = LetterFingerprint.Of(letter) != stamp.Fingerprint ? VerificationStatus.Altered
            : letter.State == SopState.Revoked ? VerificationStatus.Revoked
            : now < letter.ValidFromUtc ? VerificationStatus.NotYetValid
            : now > letter.ValidUntilUtc ? VerificationStatus.Expired
            : VerificationStatus.Valid;
        return new VerifiedDocument(
            DocumentKind.AssignmentLetter, letter.Number ?? "", letter.IssuedAtUtc ?? letter.CreatedAtUtc, people,
            letter.ValidFromUtc, letter.ValidUntilUtc, status, letter.RevokedAtUtc, stamp.Fingerprint);
    }

    private async Task<VerifiedDocument?> VerifyArchiveAsync(DocumentCode stamp, long archiveId, CancellationToken cancellationToken)
    {
        if (await archive.ReadAsync(archiveId, cancellationToken) is not { } read)
        {
            return null;
        }

        var content = ReportContentBuilder.TryDeserialize(read.Record.CanonicalJson);

        var people = new List<VerifiedPerson>();
        if (content is not null)
        {
            var inspectors = content.Items.Select(i => i.InspectorId).Distinct(StringComparer.Ordinal).ToList();
            var ids = inspectors.Append(content.SupervisorId).Append(content.ManagerId).ToList();
            var names = await NamesAsync(ids, cancellationToken);
            people.Add(new(Name(names, content.SupervisorId), Roles.Supervisor));
            people.Add(new(Name(names, content.ManagerId), Roles.Manager));
            people.AddRange(inspectors.Select(i => new VerifiedPerson(Name(names, i), Roles.Inspector)).OrderBy(p => p.Name, StringComparer.Ordinal));
        }

        // The sealed content names each photo's SHA-256: a replaced or deleted photo file alters the document too.
        var intact = read.Integrity.State == IntegrityState.Intact && read.Record.Hash == stamp.Fingerprint
            && Photos.ArchivedPhotoVerifier.Problems(photos.Folder, content).Count == 0;
        return new VerifiedDocument(
            DocumentKind.ArchivedReport, read.Record.LetterNumber ?? "", read.Record.ArchivedAtUtc, people,
            content?.ValidFromUtc, content?.ValidUntilUtc, intact ? VerificationStatus.Valid : VerificationStatus.Altered, null, stamp.Fingerprint);
    }

    private Task<AssignmentLetter?> LetterAsync(Guid letterId, CancellationToken cancellationToken) =>
        db.AssignmentLetters.AsNoTracking().Include(l => l.Inspectors).Include(l => l.Scope).AsSplitQuery()
            .FirstOrDefaultAsync(l => l.Id == letterId, cancellationToken);

    private async Task<Dictionary<string, string>> NamesAsync(List<string> ids, CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.DisplayName);

    private static string Name(Dictionary<string, string> names, string id) => names.TryGetValue(id, out var name) ? name : "";

    private async Task<DocumentCode> GetOrCreateAsync(
        System.Linq.Expressions.Expression<Func<DocumentCode, bool>> existing, Func<DocumentCode> create, CancellationToken cancellationToken)
    {
        var codes = db.Set<DocumentCode>();
        if (await codes.AsNoTracking().FirstOrDefaultAsync(existing, cancellationToken) is { } found)
        {
            return found;
        }

        var code = create();
        code.Code = NewCode();
        code.CreatedAtUtc = time.GetUtcNow().UtcDateTime;
        codes.Add(code);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return code;
        }
        catch (DbUpdateException)
        {
            // Printed twice at the same moment: the unique index kept the first code; use it.
            db.ChangeTracker.Clear();
            return await codes.AsNoTracking().FirstAsync(existing, cancellationToken);
        }
    }

    private static string NewCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
