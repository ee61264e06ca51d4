using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Reports;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain.Delegation;

/// <summary>
/// Plh./Plt.: during the delegated period the stand-in issues and reviews as the Pengawas (recorded as such and
/// audited); outside it, or for another Pengawas, he may not; separation of duties still holds.
/// </summary>
/// <remarks>Runs on both providers: <c>StandInTests+Sqlite</c> and <c>StandInTests+PostgreSql</c>.</remarks>
public abstract class StandInTests(StorageProvider provider) : IAsyncLifetime
{
    public sealed class Sqlite() : StandInTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : StandInTests(StorageProvider.PostgreSql);

    /// <summary>A Pengelola without the Supervisor role, not named on the flow's letter.</summary>
    private const string Delegate = People.OtherManager;

    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateSopAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task StandIn_IssuesThePengawasLetter_AsPlh_AndTheUseIsAudited()
    {
        var flow = new SopFlow(_db);
        await flow.DraftAsync();
        var standIn = await DelegateAsync(StandInKind.Plh);

        var letter = await LettersAsync(s => s.IssueAsync(People.Actor(Delegate), flow.LetterId));

        Assert.Equal(SopState.LetterIssued, letter.State);
        Assert.Equal((Delegate, StandInKind.Plh), (letter.IssuedById, letter.IssuedAsStandIn));
        Assert.Equal(People.Supervisor, letter.SupervisorId);
        await using var check = _db.NewContext();
        var audit = await check.AuditEntries.Where(a => a.Action == "LetterIssued").SingleAsync();
        Assert.Equal(Delegate, audit.ActorId);
        Assert.Contains(standIn.Id.ToString(), audit.AfterJson, StringComparison.Ordinal);
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "StandInDelegated" && a.ActorId == People.Supervisor));
    }

    [Fact]
    public async Task StandIn_MayNotIssue_BeforeOrAfterThePeriod_OrOnceEnded()
    {
        var flow = new SopFlow(_db);
        await flow.DraftAsync();
        var standIn = await DelegateAsync(StandInKind.Plh, from: _db.Now.AddDays(1), until: _db.Now.AddDays(3));

        var before = await Assert.ThrowsAsync<SopRuleViolationException>(() => LettersAsync(s => s.IssueAsync(People.Actor(Delegate), flow.LetterId)));
        _db.Time.Advance(TimeSpan.FromDays(2));
        await StandInsAsync(s => s.EndAsync(People.Actor(People.Supervisor), standIn.Id));
        var ended = await Assert.ThrowsAsync<SopRuleViolationException>(() => LettersAsync(s => s.IssueAsync(People.Actor(Delegate), flow.LetterId)));

        Assert.Equal(SopError.WrongRole, before.Code);
        Assert.Equal(SopError.WrongRole, ended.Code);
        await using var check = _db.NewContext();
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "StandInEnded"));
    }

    [Fact]
    public async Task StandInForOnePengawas_MayNotIssueAnotherPengawasLetter()
    {
        var flow = new SopFlow(_db) { Supervisor = People.OtherSupervisor };
        await flow.DraftAsync();
        await DelegateAsync(StandInKind.Plt);

        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => LettersAsync(s => s.IssueAsync(People.Actor(Delegate), flow.LetterId)));

        Assert.Equal(SopError.WrongRole, error.Code);
    }

    [Fact]
    public async Task StandIn_ReviewsAsPlt_AndTheReviewRecordsIt()
    {
        var flow = new SopFlow(_db);
        await flow.ToAsync(SopState.InReview);
        await DelegateAsync(StandInKind.Plt);

        await using var db = _db.NewContext();
        var reviews = new ReviewService(db, _db.Time, new AuditLog(db, _db.Time));
        var queue = await reviews.QueueAsync(People.Actor(Delegate));
        var review = await reviews.ApproveAsync(People.Actor(Delegate), flow.ReportId, "Baik");

        Assert.Equal([flow.ReportId], queue.Select(r => r.Id));
        Assert.Equal((Delegate, StandInKind.Plt, People.Supervisor), (review.ReviewerId, review.ReviewerStandIn, review.OnBehalfOfId));
        Assert.Equal(SopState.Approved, await flow.PlanStateAsync());
        var archived = await flow.ArchiveAsync();
        var content = ReportContentBuilder.Deserialize(archived.CanonicalJson)!;
        Assert.Equal("Plt", content.Reviews.Single().StandIn);
    }

    [Fact]
    public async Task StandIn_MayNotReviewWorkHeExecuted()
    {
        var flow = new SopFlow(_db);
        await flow.ToAsync(SopState.InReview);
        await DelegateAsync(StandInKind.Plh, delegateId: People.Inspector1);

        await using var db = _db.NewContext();
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            new ReviewService(db, _db.Time, new AuditLog(db, _db.Time)).ApproveAsync(People.Actor(People.Inspector1), flow.ReportId, "Baik"));

        Assert.Equal(SopError.ApproverExecuted, error.Code);
    }

    [Fact]
    public async Task ReviewWithoutAStandIn_KeepsTheContentAsBefore()
    {
        var flow = new SopFlow(_db);
        await flow.ToAsync(SopState.Archived);

        await using var db = _db.NewContext();
        var json = await db.ArchivedReports.Select(a => a.CanonicalJson).SingleAsync();
        Assert.DoesNotContain("StandIn", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delegation_IsRefused_ToHimself_ByANonPengawas_AndOverlapping()
    {
        var self = await Assert.ThrowsAsync<SopRuleViolationException>(() => DelegateAsync(StandInKind.Plh, delegateId: People.Supervisor));
        var notPengawas = await Assert.ThrowsAsync<SopRuleViolationException>(() =>
            StandInsAsync(s => s.DelegateAsync(People.Actor(People.Manager), new NewStandIn(Delegate, StandInKind.Plh, _db.Now, _db.Now.AddDays(1), "Cuti"))));
        await DelegateAsync(StandInKind.Plh);
        var overlapping = await Assert.ThrowsAsync<SopRuleViolationException>(() => DelegateAsync(StandInKind.Plt, delegateId: People.OtherSupervisor));

        Assert.Equal("StandInSelf", self.MessageKey);
        Assert.Equal("DelegateNeedsRole", notPengawas.MessageKey);
        Assert.Equal("StandInOverlaps", overlapping.MessageKey);
    }

    [Fact]
    public async Task StandIn_DraftsForThePengawas_AndTheLetterStaysHis()
    {
        await DelegateAsync(StandInKind.Plt);

        var letter = await LettersAsync(s => s.CreateDraftAsync(People.Actor(Delegate), new NewAssignmentLetter(
            "Pemeliharaan UPS", People.Manager, [People.Inspector1], [], [DataCenterOps.Domain.Facilities.EquipmentKind.Ups], _db.Now, _db.Now.AddDays(2))));

        Assert.Equal(People.Supervisor, letter.SupervisorId);
    }

    private async Task<StandIn> DelegateAsync(StandInKind kind, string delegateId = Delegate, DateTime? from = null, DateTime? until = null) =>
        await StandInsAsync(s => s.DelegateAsync(People.Actor(People.Supervisor),
            new NewStandIn(delegateId, kind, from ?? _db.Now.AddMinutes(-1), until ?? _db.Now.AddDays(5), "Dinas luar kota")));

    private async Task<T> StandInsAsync<T>(Func<StandInService, Task<T>> action)
    {
        await using var db = _db.NewContext();
        return await action(new StandInService(db, _db.Time, new AuditLog(db, _db.Time)));
    }

    private async Task<T> LettersAsync<T>(Func<AssignmentLetterService, Task<T>> action)
    {
        await using var db = _db.NewContext();
        return await action(new AssignmentLetterService(db, _db.Time, _db.Options, new AuditLog(db, _db.Time)));
    }
}
