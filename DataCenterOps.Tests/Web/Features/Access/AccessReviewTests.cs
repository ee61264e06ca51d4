using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using static DataCenterOps.Tests.TestSupport.TestDatabase;

namespace DataCenterOps.Tests.Web.Features.Access;

public sealed class AccessReviewTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await CreateAccessAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Review_ListsLettersAndGrants_MarksLapsed_RevokesChosen_AndIsRecorded()
    {
        var current = await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(30));
        var lapsed = await _db.LetterAsync(TimeSpan.FromDays(-60), TimeSpan.FromDays(-1));
        await using var db = _db.NewContext();
        var supervisor = await ActorAsync(db, Supervisor);
        var grant = await _db.Grants(db).GrantAsync(supervisor, new NewGrant(Outsider, "Vendor pendingin", 2));

        var lines = await _db.Reviews(db).GetAuthorisationsAsync(supervisor);
        Assert.Equal(5, lines.Count); // two people on each letter, one grant
        Assert.All(lines.Where(l => l.ReferenceId == lapsed.Id), l => Assert.True(l.Lapsed));
        Assert.All(lines.Where(l => l.ReferenceId == current.Id), l => Assert.False(l.Lapsed));

        var review = await _db.Reviews(db).RecordAsync(supervisor, "Tinjauan triwulan I",
            [new(AuthorisationKind.AssignmentLetter, lapsed.Id), new(AuthorisationKind.OneOffGrant, grant.Id)], "Tidak diperlukan lagi");

        await using var check = _db.NewContext();
        Assert.Equal(SopState.Revoked, (await check.AssignmentLetters.SingleAsync(l => l.Id == lapsed.Id)).State);
        Assert.Equal(SopState.LetterIssued, (await check.AssignmentLetters.SingleAsync(l => l.Id == current.Id)).State);
        Assert.NotNull((await check.Set<AccessGrant>().SingleAsync()).RevokedAtUtc);
        var stored = await check.Set<AccessReview>().Include(r => r.Items).SingleAsync();
        Assert.Equal(review.Id, stored.Id);
        Assert.Equal(5, stored.Items.Count);
        Assert.Equal(3, stored.Items.Count(i => i.Revoked));
        Assert.Contains(await check.AuditEntries.ToListAsync(), a => a.Action == "AccessReviewRecorded");
        Assert.Contains(await check.AuditEntries.ToListAsync(), a => a.Action == "LetterRevoked");
        Assert.Equal(_db.Now.AddMonths(3), await _db.Reviews(check).NextDueUtcAsync());
        Assert.DoesNotContain(await _db.Reviews(check).GetAuthorisationsAsync(supervisor), l => l.ReferenceId == lapsed.Id || l.ReferenceId == grant.Id);
    }

    [Fact]
    public async Task Review_CannotRevokeAnotherSupervisorsLetter_AndChangesNothing()
    {
        var letter = await _db.LetterAsync(TimeSpan.FromDays(-60), TimeSpan.FromDays(-1), supervisorId: Supervisor2);
        await using var db = _db.NewContext();

        var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(async () =>
            await _db.Reviews(db).RecordAsync(await ActorAsync(db, Supervisor), null, [new(AuthorisationKind.AssignmentLetter, letter.Id)], "lapsed"));

        Assert.Equal(AccessError.CannotRevoke, ex.Code);
        await using var check = _db.NewContext();
        Assert.Equal(SopState.LetterIssued, (await check.AssignmentLetters.SingleAsync()).State);
        Assert.Empty(await check.Set<AccessReview>().ToListAsync());
    }

    [Fact]
    public async Task Review_IsOnlyForSupervisors()
    {
        await using var db = _db.NewContext();
        foreach (var userId in new[] { Operator, Manager, Administrator })
        {
            var ex = await Assert.ThrowsAsync<AccessRuleViolationException>(async () =>
                await _db.Reviews(db).RecordAsync(await ActorAsync(db, userId), "x", [], null));
            Assert.Equal(AccessError.WrongRole, ex.Code);
        }
    }
}
